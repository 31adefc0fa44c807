"""Incremental builds: a BibTeX edit reads and writes again only the pages that show the entry (its
own page among the pages of the team's publications), and an incremental build gives the clean
build's output, file for file. Expected pages come from the
sources: the citations written in the pages, themes.yaml, references.bib."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import LANGUAGES, Build, build_copy, run_build

from benchmarks.bench import stamps
from lnox_site.bibliography.publications import anchor
from lnox_site.content.references import read, team_publications
from lnox_site.content.vocabulary import load

pytestmark = pytest.mark.slow

CITATION = re.compile(r"\{(footcite|pub)\b[^}]*\}`([^`]+)`")
PUBLICATIONS = "publications"
NEWS_POST = "actualites/2019/2019-11-07-oncogene-jonctions-gap"


def pages(project: Path) -> dict[str, str]:
    """docname -> source of every page."""
    docs = project / "docs"
    return {
        path.relative_to(docs).with_suffix("").as_posix(): path.read_text(encoding="utf-8")
        for path in docs.rglob("*.md")
        if "_build" not in path.parts
    }


def citing(project: Path, key: str, roles: tuple[str, ...] = ("footcite", "pub")) -> set[str]:
    """The pages whose text cites ``key`` with one of these roles."""
    return {
        docname
        for docname, text in pages(project).items()
        for role, keys in CITATION.findall(text)
        if role in roles and key in (k.strip() for k in keys.split(","))
    }


def theme_pages(project: Path, keywords: set[str]) -> set[str]:
    """The theme pages whose publication list shows a team entry with these keywords."""
    vocabulary = load(project)
    return {
        t.page for slug, t in vocabulary.themes.items() if vocabulary.keywords_of(slug) & keywords
    }


def unshown_entry(project: Path) -> str:
    """An entry that is not the team's and that no file of docs/ names, with a theme keyword."""
    texts = "\n".join(p.read_text(encoding="utf-8") for p in (project / "docs").rglob("*.*")
                      if p.suffix in {".md", ".yaml"})  # fmt: skip
    theme_keywords = {k for k, slug in load(project).keywords.items() if slug}
    return next(
        key
        for key, pub in read(project).items()
        if not pub.is_team_work and key not in texts and pub.keywords & theme_keywords
    )


def replace_in_entry(bib: Path, key: str, old: str, new: str) -> None:
    """Replace ``old`` by ``new`` inside the entry ``key`` of ``bib``."""
    text = bib.read_text(encoding="utf-8")
    start = text.index(f"{{{key},")
    end = text.index("\n}", start)
    assert old in text[start:end], (key, old)
    bib.write_text(text[:start] + text[start:end].replace(old, new, 1) + text[end:])


class Rebuild:
    """An incremental French build of a copy, with the documents it read and wrote again."""

    def __init__(self, project: Path) -> None:
        doctrees, html = project / "doctrees" / "fr", project / "html" / "fr"
        before = stamps(doctrees, ".doctree"), stamps(html, ".html")
        self.build = build_copy(project)
        assert self.build.returncode == 0, self.build.log
        after = stamps(doctrees, ".doctree"), stamps(html, ".html")
        self.read = {name for name, stamp in after[0].items() if before[0].get(name) != stamp}
        self.written = {
            name for name, stamp in after[1].items()
            if name in after[0] and before[1].get(name) != stamp
        }  # fmt: skip
        # The pages of the team's publications, which have no source: written again or new.
        self.entry_pages = {
            name for name, stamp in after[1].items()
            if name.startswith(f"{PUBLICATIONS}/") and before[1].get(name) != stamp
        }  # fmt: skip
        self.entry_pages_now = {name for name in after[1] if name.startswith(f"{PUBLICATIONS}/")}

    def listed(self, docname: str) -> list[str]:
        """The ids of the entries listed on a page."""
        return [li["id"] for li in self.build.soup("fr", f"{docname}.html").select("li.lnox-pub")]


def test_bibtex_edits_read_and_write_only_the_pages_that_show_the_entry(project):
    assert build_copy(project).returncode == 0
    bib = project / "references.bib"
    downloads = project / "html" / "fr" / "bib"
    all_themes = theme_pages(project, set(load(project).keywords))

    # An entry that no page shows: nothing is read or written.
    hidden = unshown_entry(project)
    replace_in_entry(bib, hidden, "title    = {", "title    = {Modifié : ")
    edit = Rebuild(project)
    assert (edit.read, edit.written, edit.entry_pages) == (set(), set(), set())
    assert "0 added, 0 changed, 0 removed" in edit.build.log

    # A cited team entry: the pages that cite it are read again; the lists that show it, the
    # pages that link it and the Team page (if it names it) are written again.
    cited = next(pub for pub in team_publications(project) if citing(project, pub.key))
    untouched = next(pub for pub in team_publications(project) if pub.key != cited.key)
    untouched_stamp = (downloads / f"{untouched.key}.bib").stat().st_mtime_ns
    replace_in_entry(bib, cited.key, "title    = {", "title    = {Titre édité, ")
    edit = Rebuild(project)
    shown = theme_pages(project, cited.keywords) | {PUBLICATIONS}
    assert edit.read == citing(project, cited.key, ("footcite",))
    assert edit.written >= edit.read | shown | citing(project, cited.key)
    assert not edit.written & (all_themes - shown - edit.read)
    assert NEWS_POST not in edit.written, "a post's header shows the authors and year, unchanged"
    assert edit.entry_pages == {f"{PUBLICATIONS}/{cited.key}"}
    assert "Titre édité" in edit.build.html("fr", f"{PUBLICATIONS}/{cited.key}.html")
    for docname in edit.read | shown:
        assert "Titre édité" in edit.build.html("fr", f"{docname}.html"), docname
    assert "Titre édité" in (downloads / f"{cited.key}.bib").read_text(encoding="utf-8")
    assert (downloads / f"{untouched.key}.bib").stat().st_mtime_ns == untouched_stamp

    # The unshown entry becomes the team's: it enters the Publications page and its themes' pages,
    # which are written again, and nothing is read.
    keywords = read(project)[hidden].keywords
    replace_in_entry(bib, hidden, "keywords = {", "keywords = {lnox, ")
    edit = Rebuild(project)
    entered = theme_pages(project, keywords) | {PUBLICATIONS}
    assert edit.read == set()
    assert edit.written >= entered
    assert not edit.written & (all_themes - entered)
    for docname in entered:
        selection = None if docname == PUBLICATIONS else keywords_of(project, docname)
        wanted = team_publications(project, selection)
        assert edit.listed(docname) == [anchor(pub.key) for pub in wanted], docname
    assert (downloads / f"{hidden}.bib").exists()
    assert edit.entry_pages == {f"{PUBLICATIONS}/{hidden}"}

    # Its year changes: it moves on the Publications page.
    year = read(project)[hidden].year
    replace_in_entry(bib, hidden, f"year     = {{{year}}}", "year     = {2003}")
    edit = Rebuild(project)
    assert PUBLICATIONS in edit.written
    assert edit.listed(PUBLICATIONS) == [anchor(pub.key) for pub in team_publications(project)]
    section = edit.build.soup("fr", f"{PUBLICATIONS}.html").find(id=anchor(hidden))
    assert section.find_parent("section")["id"] == "year-2003"

    # It is no longer the team's: it leaves the lists, and its download goes.
    replace_in_entry(bib, hidden, "keywords = {lnox, ", "keywords = {")
    edit = Rebuild(project)
    assert edit.read == set()
    assert edit.written >= entered
    assert anchor(hidden) not in edit.listed(PUBLICATIONS)
    assert not (downloads / f"{hidden}.bib").exists()
    assert f"{PUBLICATIONS}/{hidden}" not in edit.entry_pages_now
    assert edit.entry_pages_now == {
        f"{PUBLICATIONS}/{pub.key}" for pub in team_publications(project)
    }


def keywords_of(project: Path, docname: str) -> set[str]:
    vocabulary = load(project)
    return next(vocabulary.keywords_of(slug) for slug, t in vocabulary.themes.items()
                if t.page == docname)  # fmt: skip


def files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def index_entries(build: Build, language: str) -> dict:
    text = (build.out / language / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("Search.setIndex(").removesuffix(")"))["indexentries"]


def glossary_terms(project: Path) -> set[str]:
    """The terms of the French glossary: the unindented lines of its glossary blocks."""
    text = (project / "docs" / "glossaire.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```\{glossary\}\n(.*?)```", text, re.DOTALL)
    return {
        line.strip().lower()
        for block in blocks
        for line in block.splitlines()
        if line.strip() and not line.startswith(" ")
    }


def test_an_incremental_build_gives_the_clean_build_output(site, project):
    """A copy is built with a theme page, a news post's title and a cited entry edited; the edits
    are undone and the copy built again, incrementally: the result is the clean build of the site
    (``site``), file for file."""
    docs, bib = project / "docs", project / "references.bib"
    page, post = docs / "recherche" / "niche.md", docs / f"{NEWS_POST}.md"
    # The edited French comes with its English (the English build refuses French).
    english = docs / "locales" / "en" / "LC_MESSAGES"
    page_po, post_po = english / "recherche" / "niche.po", english / f"{NEWS_POST}.po"
    edited_files = (page, post, bib, page_po, post_po)
    originals = {path: path.read_text(encoding="utf-8") for path in edited_files}
    page.write_text(originals[page].replace("\n## ", "\nUne phrase.\n\n## ", 1))
    page_po.write_text(originals[page_po] + '\nmsgid "Une phrase."\nmsgstr "A sentence."\n')
    post.write_text(originals[post].replace("\n# ", "\n# Modifié : ", 1))
    title = next(line[2:] for line in originals[post].splitlines() if line.startswith("# "))
    post_po.write_text(
        originals[post_po] + f'\nmsgid "Modifié : {title}"\nmsgstr "Edited: {title}"\n'
    )
    cited = next(pub for pub in team_publications(project) if citing(project, pub.key))
    replace_in_entry(bib, cited.key, "title    = {", "title    = {Titre édité, ")
    edited = run_build(docs, project / "html")
    assert edited.returncode == 0, edited.log

    for path, text in originals.items():
        path.write_text(text, encoding="utf-8")
    incremental = run_build(docs, project / "html")
    assert incremental.returncode == 0, incremental.log
    assert "[new config]" not in incremental.log, "the second build must be incremental"

    # Every file, byte for byte: the pages carry no build date (html_last_updated_fmt = None) and
    # no path of the build folder.
    built, expected = files(incremental.out), files(site.out)
    assert sorted(built) == sorted(expected)
    assert [name for name in expected if built[name] != expected[name]] == []
    # The glossary's terms are in the search index (not missing from both).
    assert glossary_terms(project) <= set(index_entries(incremental, "fr"))
    for language in LANGUAGES:
        assert index_entries(incremental, language)
    # A build with nothing to read keeps the publication pages without looking at their entries:
    # the same site again, the search index included.
    unchanged = run_build(docs, project / "html")
    assert unchanged.returncode == 0, unchanged.log
    built = files(unchanged.out)
    assert [name for name in expected if built[name] != expected[name]] == []
