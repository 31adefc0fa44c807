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


def slugify(title: str, limit: int = 60) -> str:
    """``Prix de thèse 2021 : Amélie Foucault`` -> ``prix-de-these-2021-amelie-foucault``."""
    words = re.findall(r"[a-z0-9]+", fold(title))  # anything else (’, :, spaces…) separates words
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > limit and slug:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "actualite"


POST_TEMPLATE = """---
date: {date}
tags: [{tags}]
# Sujets possibles : {known_tags}
# themes: []    (thèmes de recherche liés : {known_themes})
# bib:          (clé de la publication dans references.bib, p. ex. kouzi2020oncogene)
# Sous le titre, écrivez le texte de l’actualité. Son premier paragraphe sert de résumé dans les
# listes d’actualités et dans le flux Atom.
---

# {title}

"""

ARCHIVE_TEMPLATE = """% Page d’archive : la liste des actualités de l’année est faite à la construction du site.

```{news-archive}
```
"""


def _given_date(args: list[str]) -> tuple[list[str], dt.date | None]:
    """The arguments without ``--date YYYY-MM-DD``, and that date (the day of the news)."""
    if "--date" not in args:
        return args, None
    at = args.index("--date")
    if at + 1 == len(args):
        raise SystemExit(f"give the day of the news after --date, e.g. --date {EXAMPLE_DATE}")
    try:
        date = records.date(args[at + 1])
    except ValueError as error:
        raise SystemExit(f"--date: {error} — write it like {EXAMPLE_DATE}") from None
    return args[:at] + args[at + 2 :], date


def new_post(root: Path, args: list[str], today: dt.date | None = None) -> list[Path]:
    """Create a post dated today or on the ``--date`` given (and the archive page of its year if
    it is the first)."""
    args, given = _given_date(args)
    if not args or not args[0].strip():
        raise SystemExit('give the title: nox -s new -- news "Titre de l’actualité" [sujet …]')
    title, tags = args[0].strip().replace("'", "’"), args[1:]
    known = sorted(load_tags(root))
    unknown = [tag for tag in tags if tag not in known]
    if unknown:
        raise SystemExit(f"unknown tag(s) {', '.join(unknown)}: use {', '.join(known)}")
    date = given or today or dt.date.today()
    slug = slugify(title)
    taken = {
        FILE_NAME.match(p.name)["slug"]: p for p in post_files(root) if FILE_NAME.match(p.name)
    }
    if slug in taken:
        raise SystemExit(
            f"{taken[slug].relative_to(root)} already uses the name {slug!r}: "
            "choose a more precise title"
        )
    folder = root / NEWS / str(date.year)
    folder.mkdir(parents=True, exist_ok=True)
    created = []
    archive = folder / ARCHIVE_PAGE
    if not archive.exists():
        archive.write_text(ARCHIVE_TEMPLATE, encoding="utf-8")
        created.append(archive)
    post = folder / f"{date.isoformat()}-{slug}.md"
    post.write_text(
        POST_TEMPLATE.format(
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
