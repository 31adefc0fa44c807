"""``nox -s new -- news "Titre" [sujet …] [--date YYYY-MM-DD]``: a news post, and the archive
page of its year when the year is new."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from lnox_site.content import records, vocabulary
from lnox_site.content.folding import fold
from lnox_site.content.paths import NEWS
from lnox_site.content.posts import ARCHIVE_PAGE, EXAMPLE_DATE, FILE_NAME, load_tags, post_files
from lnox_site.content.wording import N__, __, n__


def slugify(title: str, limit: int = 60) -> str:
    """``Prix de thèse 2021 : Amélie Foucault`` -> ``prix-de-these-2021-amelie-foucault``."""
    words = re.findall(r"[a-z0-9]+", fold(title))  # anything else (’, :, spaces…) separates words
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit and slug:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "actualite"


# The comments are in the contributor's language: translated where the file is written.
POST_TEMPLATE = N__("""---
date: {date}
tags: [{tags}]
# Possible tags: {known_tags}
# themes: []    (related research themes: {known_themes})
# bib:          (key of the publication in references.bib, e.g. kouzi2020oncogene)
# Under the title, write the text of the news. Its first paragraph is the summary shown in the
# lists of news and in the Atom feed.
---

# {title}

""")

ARCHIVE_TEMPLATE = N__("""% Archive page: the list of the year's news is made when the site is built.

```{news-archive}
```
""")


def _given_date(args: list[str]) -> tuple[list[str], dt.date | None]:
    """The arguments without ``--date YYYY-MM-DD``, and that date (the day of the news)."""
    if "--date" not in args:
        return args, None
    at = args.index("--date")
    if at + 1 == len(args):
        raise SystemExit(
            __("give the day of the news after --date, e.g. --date {date}").format(
                date=EXAMPLE_DATE
            )
        )
    try:
        date = records.date(args[at + 1])
    except ValueError as error:
        raise SystemExit(
            __("--date: {error} — write it like {date}").format(error=error, date=EXAMPLE_DATE)
        ) from None
    return args[:at] + args[at + 2 :], date


def new_post(root: Path, args: list[str], today: dt.date | None = None) -> list[Path]:
    """Create a post dated today or on the ``--date`` given (and the archive page of its year if
    it is the first)."""
    args, given = _given_date(args)
    if not args or not args[0].strip():
        raise SystemExit(__('give the title: nox -s new -- news "Titre de l’actualité" [sujet …]'))
    title, tags = args[0].strip().replace("'", "’"), args[1:]
    known = sorted(load_tags(root))
    unknown = [tag for tag in tags if tag not in known]
    if unknown:
        raise SystemExit(
            n__("unknown tag {tags}: use {known}", "unknown tags {tags}: use {known}",
                len(unknown)).format(tags=", ".join(unknown), known=", ".join(known))
        )  # fmt: skip
    date = given or today or dt.date.today()
    slug = slugify(title)
    taken = {
        FILE_NAME.match(p.name)["slug"]: p for p in post_files(root) if FILE_NAME.match(p.name)
    }
    if slug in taken:
        raise SystemExit(
            __("{path} already uses the name {slug}: choose a more precise title").format(
                path=taken[slug].relative_to(root), slug=repr(slug)
            )
        )
    folder = root / NEWS / str(date.year)
    folder.mkdir(parents=True, exist_ok=True)
    created = []
    archive = folder / ARCHIVE_PAGE
    if not archive.exists():
        archive.write_text(__(ARCHIVE_TEMPLATE), encoding="utf-8")
        created.append(archive)
    post = folder / f"{date.isoformat()}-{slug}.md"
    post.write_text(
        __(POST_TEMPLATE).format(
            date=date.isoformat(),
            tags=", ".join(tags),
            title=title,
            known_tags=", ".join(known),
            known_themes=", ".join(sorted(vocabulary.load(root).themes)),
        ),
        encoding="utf-8",
    )
    created.append(post)
    return created
