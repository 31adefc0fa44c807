"""A synthetic copy of the site, ``scale`` times its content, for measuring builds (``nox -s bench``).

The copy is made from the site's own files, so that it uses their real formats: every news post,
theme page and symposium edition is copied ``scale`` times under new names (with its English
catalogue, so that the English build translates the copies too), the people of the team are
repeated, and ``references.bib`` gets made-up entries (a share of them marked as the team's work,
as in the real file). Each copy of a theme page is a theme of its own in docs/_data/themes.yaml,
with a keyword of its own: the made-up entries take their keywords from the whole vocabulary and
the copied posts name the copied themes, so that each theme keeps about as many publications and
posts as today, as a lab with ``scale`` times the content would. Copied theme pages cite some of
the made-up entries. Nothing here is published: the copy lives in a temporary folder. The same
seed gives the same copy.

    python -m benchmarks.synthetic <project> <destination> --scale 5
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

from lnox_site.content import paths, vocabulary
from lnox_site.content.paths import BIBFILE, PEOPLE, THEMES
from lnox_site.content.references import read
from lnox_site.translation import CATALOGUE_WIDTH

SEED = 2019
LOCALES = Path("docs") / "locales" / "en" / "LC_MESSAGES"
# What the largest scale must reach at least, whatever the size of today's site.
LARGE = {"posts": 1000, "entries": 2000}
LARGE_SCALE = 20
THEMES_DIR = Path("docs") / "recherche"
EDITIONS_DIR = Path("docs") / "symposium"
CITATIONS_PER_PAGE = 6


def _copy_page(root: Path, dest: Path, source: Path, target: Path) -> str:
    """Copy a page and its catalogue; returns the text of the copy."""
    text = (root / source).read_text(encoding="utf-8")
    (dest / target).parent.mkdir(parents=True, exist_ok=True)
    (dest / target).write_text(text, encoding="utf-8")
    catalogue = LOCALES / source.relative_to("docs").with_suffix(".po")
    if (root / catalogue).exists():
        copy = LOCALES / target.relative_to("docs").with_suffix(".po")
        (dest / copy).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / catalogue, dest / copy)
    return text


def _copied_theme(slug: str, copy: int) -> str:
    return f"{slug}-copie{copy}"


def _with_copied_themes(text: str, copy: int) -> str:
    """The post's ``themes: [a, b]`` front matter naming the ``copy``-th copies of its themes."""

    def copied(line: re.Match[str]) -> str:
        slugs = (_copied_theme(slug.strip(), copy) for slug in line[1].split(","))
        return f"themes: [{', '.join(slugs)}]"

    return re.sub(r"^themes: \[(.*)\]$", copied, text, count=1, flags=re.MULTILINE)


def _posts(root: Path, dest: Path, scale: int) -> int:
    """Copies of the posts; the n-th copies name the n-th copies of their themes."""
    real = sorted((root / paths.NEWS).glob("[0-9][0-9][0-9][0-9]/*-*.md"))
    wanted = len(real) * scale
    if scale >= LARGE_SCALE:
        wanted = max(wanted, LARGE["posts"])
    for index in range(len(real), wanted):
        source = real[index % len(real)].relative_to(root)
        number = index // len(real)
        copy = source.with_name(f"{source.stem}-copie{number}.md")
        text = _copy_page(root, dest, source, copy)
        if number % scale:
            (dest / copy).write_text(_with_copied_themes(text, number % scale), encoding="utf-8")
    return wanted


def _entries(root: Path, dest: Path, scale: int, rng: random.Random) -> list[str]:
    """Append made-up entries to references.bib; returns their keys."""
    real = read(root)
    wanted = len(real) * scale
    if scale >= LARGE_SCALE:
        wanted = max(wanted, LARGE["entries"])
    team_share = sum(pub.is_team_work for pub in real.values()) / len(real)
    team = vocabulary.load(dest).team
    keywords = sorted(k for k in vocabulary.load(dest).keywords if k != team)
    keys, chunks = [], []
    for number in range(len(real), wanted):
        key = f"synthetique{number}"
        words = rng.sample(keywords, 2) + ([team] if rng.random() < team_share else [])
        authors = " and ".join(
            f"Auteur{rng.randrange(500)}, Prénom{rng.randrange(50)}"
            for _ in range(rng.randint(1, 6))
        )
        chunks.append(
            f"@article{{{key},\n  author = {{{authors}}},\n"
            f"  title = {{Synthetic study number {number}}},\n"
            f"  journal = {{Journal {rng.randrange(40)}}},\n  year = {{{rng.randint(1990, 2025)}}},\n"
            f"  volume = {{{rng.randint(1, 90)}}},\n  pages = {{{rng.randint(1, 900)}--{rng.randint(901, 999)}}},\n"
            f"  doi = {{10.5555/synthetique.{number}}},\n  keywords = {{{', '.join(words)}}}\n}}\n"
        )  # fmt: skip
        keys.append(key)
    with (dest / BIBFILE).open("a", encoding="utf-8") as bib:
        bib.write("\n" + "\n".join(chunks))
    return keys


def _themes(root: Path, dest: Path, scale: int) -> list[Path]:
    """Copies of the theme pages, each a theme of themes.yaml with a keyword of its own; returns
    the copied pages."""
    path = dest / THEMES
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    index = dest / THEMES_DIR / "index.md"
    pages = []
    for copy in range(1, scale):
        for slug in vocabulary.load(root).themes:
            theme, new = data["themes"][slug], _copied_theme(slug, copy)
            page = Path(f"docs/{theme['page']}-copie{copy}.md")
            text = _copy_page(root, dest, Path("docs") / f"{theme['page']}.md", page)
            text = re.sub(rf"^:theme: {slug}$", f":theme: {new}", text, flags=re.MULTILINE)
            (dest / page).write_text(text, encoding="utf-8")
            data["themes"][new] = {**theme, "page": f"{theme['page']}-copie{copy}"}
            data["keywords"][new] = new
            pages.append(page)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    text = _add_to_toctree(index.read_text(encoding="utf-8"), [page.stem for page in pages])
    index.write_text(text, encoding="utf-8")
    return pages


def _cite(dest: Path, pages: list[Path], keys: list[str], rng: random.Random) -> None:
    """A new paragraph before the first section of each page (after the introduction, which the
    content checks read), citing some made-up entries, with its English in the page's catalogue
    (the English build refuses a paragraph left in French)."""
    for page in pages:
        cited = ",".join(rng.sample(keys, min(CITATIONS_PER_PAGE, len(keys))))
        paragraph = f"Synthèse {{footcite:p}}`{cited}`."
        text = (dest / page).read_text(encoding="utf-8")
        text = re.sub(r"^(## )", rf"{paragraph}\n\n\1", text, count=1, flags=re.MULTILINE)
        (dest / page).write_text(text, encoding="utf-8")
        catalogue = dest / LOCALES / page.relative_to("docs").with_suffix(".po")
        with catalogue.open("rb") as handle:
            messages = read_po(handle)
        messages.add(paragraph, f"Synthesis {{footcite:p}}`{cited}`.")
        with catalogue.open("wb") as handle:
            write_po(handle, messages, width=CATALOGUE_WIDTH)


def _add_to_toctree(text: str, names: list[str]) -> str:
    """The page's last toctree with ``names`` added at its end."""
    start = text.rindex("```{toctree}")
    end = text.index("\n```", start)
    return text[:end] + "".join(f"\n{name}" for name in names) + text[end:]


def _editions(root: Path, dest: Path, scale: int) -> None:
    """Later editions, copies of the described ones with their number, year and dates moved on."""
    sources = sorted((root / EDITIONS_DIR).glob("[0-9][0-9][0-9][0-9].md"))
    last_year = int(sources[-1].stem) if sources else 0
    last_edition = 0
    for source in sources:
        found = re.search(r"^edition: (\d+)$", source.read_text(encoding="utf-8"), re.MULTILINE)
        last_edition = max(last_edition, int(found.group(1)))
    for step in range(1, (scale - 1) * len(sources) + 1):
        source = sources[(step - 1) % len(sources)]
        text = source.read_text(encoding="utf-8")
        year, new = int(source.stem), last_year + step
        moved = re.sub(rf"\b{year}\b", str(new), text)
        moved = re.sub(
            r"^edition: \d+$", f"edition: {last_edition + step}", moved, flags=re.MULTILINE
        )
        target = EDITIONS_DIR / f"{new}.md"
        _copy_page(root, dest, source.relative_to(root), target)
        (dest / target).write_text(moved, encoding="utf-8")
        # Its English moved on the same way (a year has as many digits as the other).
        catalogue = dest / LOCALES / target.relative_to("docs").with_suffix(".po")
        if catalogue.exists():
            english = re.sub(rf"\b{year}\b", str(new), catalogue.read_text(encoding="utf-8"))
            catalogue.write_text(english, encoding="utf-8")


def _people(dest: Path, scale: int) -> None:
    """The people without a thesis or works, repeated with a number after their name."""
    path = dest / PEOPLE
    people = yaml.safe_load(path.read_text(encoding="utf-8"))
    plain = [p for p in people if not ({"thesis", "works", "defended"} & set(p))]
    people += [{**p, "name": f"{p['name']} {copy}"} for copy in range(1, scale) for p in plain]
    path.write_text(yaml.safe_dump(people, allow_unicode=True, sort_keys=False), encoding="utf-8")


def generate(root: Path, dest: Path, scale: int, seed: int = SEED) -> dict[str, int]:
    """Write the synthetic site into ``dest``; returns what it holds."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(root / "docs", dest / "docs", ignore=shutil.ignore_patterns("_build"))
    shutil.copyfile(root / BIBFILE, dest / BIBFILE)
    count = _posts(root, dest, scale)
    copied_themes = _themes(root, dest, scale)
    keys = _entries(root, dest, scale, rng)
    _cite(dest, copied_themes, keys, rng)
    _editions(root, dest, scale)
    _people(dest, scale)
    return {
        "posts": count,
        "entries": len(read(dest)),
        "pages": sum(1 for _ in (dest / "docs").rglob("*.md")),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path, help="the project (holding docs/ and references.bib)")
    parser.add_argument("dest", type=Path)
    parser.add_argument("--scale", type=int, default=1)
    args = parser.parse_args()
    print(generate(args.root, args.dest, args.scale))


if __name__ == "__main__":
    main()
