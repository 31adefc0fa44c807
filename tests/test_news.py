"""The news: posts, listings, archives, post pages and Atom feeds, in both languages.

Expectations come from the sources: the front matter and first heading of each post, the English
catalogues, docs/_data/tags.yaml. Builds of temporary copies check incremental and parallel builds.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import feedparser
import pytest
import yaml
from babel.messages.pofile import read_po
from conftest import DOCS, LANGUAGES, ROOT, TEST_SITE_URL, build_copy, checked, parsed, run_build
from content import new
from page_sources import Sources, mid_phrase, not_whole, written_date

from lnox_site.bibliography.publications import anchor, short_citation
from lnox_site.checks import run as check_project
from lnox_site.content import posts as post_files
from lnox_site.content import vocabulary
from lnox_site.content.posts import PostSource
from lnox_site.content.references import read as read_bib
from lnox_site.new.news import ARCHIVE_TEMPLATE, new_post, slugify
from lnox_site.news.model import Archives, Post, Selection, display_date

NEWS = DOCS / "actualites"
CATALOGUES = DOCS / "locales" / "en" / "LC_MESSAGES"
TAGS = yaml.safe_load((DOCS / "_data" / "tags.yaml").read_text(encoding="utf-8"))["tags"]
THEMES = vocabulary.load(ROOT).themes
PUBLICATIONS = read_bib(ROOT)


@dataclass(frozen=True)
class Source:
    """A post as its file says it."""

    docname: str
    date: dt.date
    precision: str
    tags: tuple[str, ...]
    themes: tuple[str, ...]
    bib: str | None
    title: str  # French, the first heading

    @property
    def page(self) -> str:
        return f"{self.docname}.html"

    def title_in(self, language: str) -> str:
        if language == "fr":
            return self.title
        with (CATALOGUES / f"{self.docname}.po").open("rb") as handle:
            return read_po(handle)[self.title].string

    def date_in(self, language: str) -> str:
        """The date as readers of ``language`` write it, as precisely as the front matter says."""
        return written_date(self.date, language, self.precision)


def read_sources(docs: Path = DOCS) -> list[Source]:
    """Every post of ``docs``, newest first (same day: by file name, last first)."""
    found = []
    for path in (docs / "actualites").glob("[0-9][0-9][0-9][0-9]/*.md"):
        if path.name == "index.md":
            continue
        text = path.read_text(encoding="utf-8")
        meta = yaml.safe_load(text.split("---")[1])
        title = next(line[2:].strip() for line in text.splitlines() if line.startswith("# "))
        docname = path.relative_to(docs).with_suffix("").as_posix()
        precision = meta.get("date_precision", "day")
        tags, themes = tuple(meta["tags"]), tuple(meta.get("themes", ()))
        found.append(Source(docname, meta["date"], precision, tags, themes, meta.get("bib"), title))
    return sorted(found, key=lambda s: (s.date, s.docname), reverse=True)


SOURCES = read_sources()


def listed(site, language: str, page: str) -> list[str]:
    """Titles of the news listed on ``page``, in order."""
    article = site.soup(language, page).select_one("article")
    return [a.get_text() for a in article.select("ul.lnox-news .lnox-news-title a")]


def resolves(site, language: str, page: str, href: str) -> Path:
    target = ((site.out / language / page).parent / href.split("#")[0]).resolve()
    assert target.is_file(), (page, href)
    return target


def directive_option(page: Path, option: str) -> int:
    return int(re.search(rf"^:{option}: (\d+)$", page.read_text(encoding="utf-8"), re.MULTILINE)[1])


# -- Listings ----------------------------------------------------------------------------------


def test_the_site_has_posts_and_every_one_is_built(site):
    assert SOURCES
    for language in LANGUAGES:
        for source in SOURCES:
            assert (site.out / language / source.page).is_file()


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_shows_the_latest_posts(site, language):
    limit = directive_option(DOCS / "index.md", "limit")
    expected = [s.title_in(language) for s in SOURCES[:limit]]
    assert listed(site, language, "index.html") == expected
    article = site.soup(language, "index.html").select_one("article")
    for link in article.select("ul.lnox-news a"):
        resolves(site, language, "index.html", link["href"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_news_index_shows_the_latest_posts_and_every_archive(site, language):
    page = "actualites/index.html"
    limit = directive_option(NEWS / "index.md", "limit")
    assert listed(site, language, page) == [s.title_in(language) for s in SOURCES[:limit]]
    article = site.soup(language, page).select_one("article")
    archives = article.select("ul.lnox-news-archives")
    assert len(archives) == 2
    years = sorted({s.date.year for s in SOURCES}, reverse=True)
    counts = {year: sum(s.date.year == year for s in SOURCES) for year in years}
    assert [li.get_text() for li in archives[0].select("li")] == [
        f"{year} ({counts[year]})" for year in years
    ]
    used = sorted({tag for s in SOURCES for tag in s.tags})
    assert [li.get_text() for li in archives[1].select("li")] == [
        f"{TAGS[tag][language]} ({sum(tag in s.tags for s in SOURCES)})" for tag in used
    ]
    for link in article.select("ul.lnox-news-archives a"):
        resolves(site, language, page, link["href"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_year_archive_lists_the_posts_of_its_year(site, language):
    for year in {s.date.year for s in SOURCES}:
        expected = [s.title_in(language) for s in SOURCES if s.date.year == year]
        assert listed(site, language, f"actualites/{year}/index.html") == expected, year


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_tag_page_lists_the_posts_of_its_tag(site, language):
    for tag, names in TAGS.items():
        page = f"actualites/sujets/{tag}.html"
        soup = site.soup(language, page)
        assert names[language] in soup.select_one("h1").get_text()
        expected = [s.title_in(language) for s in SOURCES if tag in s.tags]
        assert listed(site, language, page) == expected, tag


def theme_news(build, language: str, slug: str) -> tuple[list[str], str]:
    """The titles a theme page lists under its news heading, and the sentence shown instead."""
    article = build.soup(language, f"{THEMES[slug].page}.html").select_one("article")
    empty = article.select_one(".lnox-news-empty")
    return listed(build, language, f"{THEMES[slug].page}.html"), empty.get_text() if empty else ""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", THEMES)
def test_each_theme_page_lists_the_posts_of_its_theme(site, language, slug):
    expected = [s.title_in(language) for s in SOURCES if slug in s.themes]
    titles, empty = theme_news(site, language, slug)
    assert titles == expected
    assert bool(empty) == (not expected)
    page = f"{THEMES[slug].page}.html"
    article = site.soup(language, page).select_one("article")
    for link in article.select("ul.lnox-news a"):
        resolves(site, language, page, link["href"])


@pytest.mark.parametrize("language", LANGUAGES)
def test_listings_show_dates_in_the_page_language(site, language):
    article = site.soup(language, "actualites/index.html").select_one("article")
    dates = [span.get_text() for span in article.select("ul.lnox-news .lnox-news-date")]
    assert dates == [s.date_in(language) for s in SOURCES[: len(dates)]]


@pytest.mark.parametrize(
    ("post", "fr", "en"),
    [
        ("2019/2019-11-07-oncogene-jonctions-gap", "7 novembre 2019", "7 November 2019"),
        ("2021/2021-12-01-these-amelie-foucault", "1er décembre 2021", "1 December 2021"),
        ("2013/2013-04-01-revue-hyperleucocytoses", "avril 2013", "April 2013"),  # to the month
        ("2012/2012-01-01-gpx3-cellules-souches-leucemiques", "2012", "2012"),  # to the year
    ],
)
def test_dates_are_written_the_way_each_language_writes_them(post, fr, en):
    """Real posts, read by the site, against the dates as French and English readers write them."""
    source, problems = post_files.read_post(ROOT, NEWS / f"{post}.md")
    assert not problems
    assert (display_date(source, "fr"), display_date(source, "en")) == (fr, en)


# -- Post pages --------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_post_pages_show_date_tags_publication_and_neighbours(site, language):
    chronological = SOURCES[::-1]
    for index, source in enumerate(chronological):
        soup = site.soup(language, source.page)
        assert soup.select_one("h1").get_text().rstrip("¶") == source.title_in(language)
        header = soup.select_one(".lnox-post-meta")
        assert header.select_one(".lnox-news-date").get_text() == source.date_in(language)
        for tag in source.tags:
            assert TAGS[tag][language] in header.get_text()
        if source.bib:
            link = header.select_one(f'a[href$="publications/{source.bib}.html"]')
            assert link.get_text() == short_citation(PUBLICATIONS[source.bib], language)
            target = resolves(site, language, source.page, link["href"])
            html = parsed(target)
            assert html.find(id=anchor(source.bib)) is not None
        links = {a.get_text(): a["href"] for a in soup.select(".lnox-post-nav a")}
        neighbours = [n for n in chronological[max(index - 1, 0) : index + 2] if n != source]
        for neighbour in neighbours:
            href = links[neighbour.title_in(language)]
            assert resolves(site, language, source.page, href).name == Path(neighbour.page).name


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_theme_of_a_post_links_to_its_theme_page(site, language):
    pages = {(site.out / language / f"{t.page}.html").resolve(): t for t in THEMES.values()}
    for source in SOURCES:
        header = site.soup(language, source.page).select_one(".lnox-post-meta")
        targets = [(a, resolves(site, language, source.page, a["href"])) for a in header("a")]
        linked = [(a.get_text(), pages[target]) for a, target in targets if target in pages]
        expected = [THEMES[slug] for slug in source.themes]
        assert [theme for _, theme in linked] == expected, source.docname
        assert [text for text, _ in linked] == [theme.titles[language] for theme in expected]
    for target, theme in pages.items():
        title = parsed(target).select_one("h1")
        assert title.get_text().rstrip("¶") == theme.titles[language]


@pytest.mark.parametrize("language", LANGUAGES)
def test_sidebar_lists_no_post_and_no_archive(site, language):
    for page in site.pages(language):
        tree = site.soup(language, page).select_one(".sidebar-tree")
        hrefs = [a["href"] for a in tree.select("a")]
        assert not [h for h in hrefs if re.search(r"actualites/(\d{4}|sujets)/", h)], page


# -- Feeds -------------------------------------------------------------------------------------


def parse_feed(out: Path, language: str):
    feed = feedparser.parse((out / language / "actualites" / "atom.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_is_valid_and_has_every_post_newest_first(site, language):
    feed = parse_feed(site.out, language)
    assert feed.version == "atom10"
    assert feed.feed.language == language
    assert [e.title for e in feed.entries] == [s.title_in(language) for s in SOURCES]
    assert [dt.date(*e.updated_parsed[:3]) for e in feed.entries] == [s.date for s in SOURCES]
    assert dt.date(*feed.feed.updated_parsed[:3]) == SOURCES[0].date
    assert all(e.summary for e in feed.entries)
    ids = [e.id for e in feed.entries]
    assert len(set(ids)) == len(ids)
    assert not any(TEST_SITE_URL in i for i in ids), "ids must not change with the site address"


# A post's summary in listings and feeds: its description:, or the whole sentences that open its
# first paragraph, as many as fit in this many characters.
SUMMARY_LENGTH = 300


@pytest.mark.parametrize("language", LANGUAGES)
def test_summaries_in_listings_and_feeds_are_whole_sentences(site, language):
    """Each post's summary, in the archive of its year and in the feed, is its description: (its
    English from the catalogue) or its first whole sentences; never a sentence cut short."""
    sources, problems = Sources(), []
    summaries = {entry.link: entry.summary for entry in parse_feed(site.out, language).entries}
    base = f"{TEST_SITE_URL}{language}/"
    for year in {s.date.year for s in SOURCES}:
        article = site.soup(language, f"actualites/{year}/index.html").select_one("article")
        listed = [p.get_text() for p in article.select("ul.lnox-news .lnox-news-summary")]
        posts = [s for s in SOURCES if s.date.year == year]
        assert len(listed) == len(posts), year
        for source, summary in zip(posts, listed, strict=True):
            want = sources.expected(source.docname, language)
            for shown in (summary, summaries[base + source.page]):
                if why := mid_phrase(shown) or not_whole(shown, want, SUMMARY_LENGTH):
                    problems.append(f"{source.docname}: {why}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_feed_links_are_absolute_and_reach_built_pages(site, language):
    feed = parse_feed(site.out, language)
    base = f"{TEST_SITE_URL}{language}/"
    links = [feed.feed.link] + [e.link for e in feed.entries]
    self_links = [link.href for link in feed.feed.links if link.rel == "self"]
    assert self_links == [f"{base}actualites/atom.xml"]
    for url in links:
        assert url.startswith(base), url
        assert (site.out / language / url[len(base) :]).is_file(), url
    assert [e.link for e in feed.entries] == [base + s.page for s in SOURCES]


def test_feeds_are_in_their_language_with_ids_of_their_own(site):
    fr, en = parse_feed(site.out, "fr"), parse_feed(site.out, "en")
    assert fr.feed.title != en.feed.title
    assert not {e.id for e in fr.entries} & {e.id for e in en.entries}
    tag_names = {(t.term, t.label) for e in en.entries for t in e.tags}
    assert tag_names == {(tag, TAGS[tag]["en"]) for s in SOURCES for tag in s.tags}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_announces_the_feed(site, language):
    feed = (site.out / language / "actualites" / "atom.xml").resolve()
    for page in site.pages(language):
        links = site.soup(language, page).select(
            'link[rel="alternate"][type="application/atom+xml"]'
        )
        assert len(links) == 1, page
        assert resolves(site, language, str(page), links[0]["href"]) == feed


# -- Incremental and parallel builds -----------------------------------------------------------


def feed_titles(out: Path) -> list[str]:
    return [e.title for e in parse_feed(out, "fr").entries]


def sidebar(build, page: str = "index.html") -> str:
    return str(build.soup("fr", page).select_one(".sidebar-tree"))


@pytest.mark.slow
def test_incremental_builds_follow_edits_additions_and_deletions(project):
    first = build_copy(project)
    assert first.returncode == 0, first.log
    sources = read_sources(project / "docs")
    newest, oldest = sources[0], sources[-1]
    ids = {e.title: e.id for e in parse_feed(first.out, "fr").entries}
    menu = sidebar(first)

    # Edit the title of the newest post.
    path = project / "docs" / f"{newest.docname}.md"
    path.write_text(path.read_text(encoding="utf-8").replace(newest.title, "Titre modifié"))
    edited = build_copy(project)
    assert edited.returncode == 0, edited.log
    assert "0 added, 1 changed, 0 removed" in edited.log
    assert listed(edited, "fr", "index.html")[0] == "Titre modifié"
    assert newest.title not in edited.html("fr", "index.html")
    assert feed_titles(edited.out)[0] == "Titre modifié"
    assert parse_feed(edited.out, "fr").entries[0].id == ids[newest.title]
    year_page = f"actualites/{newest.date.year}/index.html"
    assert "Titre modifié" in listed(edited, "fr", year_page)

    # Add posts in a new year, then delete the oldest post.
    later = newest.date.year + 5
    for day in range(1, 21):
        created = new_post(project, [f"Nouvelle numéro {day}", "prix"], dt.date(later, 1, day))
        created[-1].write_text(created[-1].read_text() + "\nTexte de la nouvelle.\n")
    (project / "docs" / f"{oldest.docname}.md").unlink()
    grown = build_copy(project)
    assert grown.returncode == 0, grown.log
    assert listed(grown, "fr", "index.html")[0] == "Nouvelle numéro 20"
    assert len(listed(grown, "fr", f"actualites/{later}/index.html")) == 20
    titles = feed_titles(grown.out)
    assert titles[0] == "Nouvelle numéro 20"
    assert oldest.title not in titles
    assert oldest.title not in grown.html("fr", f"actualites/{oldest.date.year}/index.html")
    assert sidebar(grown) == menu, "more posts must not change the sidebar"


def set_themes(project: Path, source: Source, themes: list[str]) -> None:
    """Write the ``themes`` of a post's front matter (none: no ``themes`` line)."""
    path = project / "docs" / f"{source.docname}.md"
    text = re.sub(r"^themes: .*\n", "", path.read_text(encoding="utf-8"), flags=re.MULTILINE)
    line = f"themes: [{', '.join(themes)}]\n" if themes else ""
    path.write_text(re.sub(r"^(tags: .*\n)", rf"\1{line}", text, count=1, flags=re.MULTILINE))


@pytest.mark.slow
def test_theme_pages_follow_the_themes_of_the_posts(project):
    sources = read_sources(project / "docs")
    # The theme with the fewest posts, taken off all of them: its page has no news left.
    slug = min(THEMES, key=lambda theme: sum(theme in s.themes for s in sources))
    for source in sources:
        if slug in source.themes:
            set_themes(project, source, [theme for theme in source.themes if theme != slug])
    first = run_build(project / "docs", project / "html")
    assert first.returncode == 0, first.log
    sentences = set()
    for language in LANGUAGES:
        titles, empty = theme_news(first, language, slug)
        assert titles == [], language
        assert empty, f"{language}: a theme without news must say so"
        sentences.add(empty)
    assert len(sentences) == len(LANGUAGES), "the sentence must be in the language of the page"

    # Give the theme to the newest post, and rebuild without -a or -E.
    newest = sources[0]
    set_themes(project, newest, [theme for theme in newest.themes if theme != slug] + [slug])
    again = run_build(project / "docs", project / "html")
    assert again.returncode == 0, again.log
    assert again.log.count("0 added, 1 changed, 0 removed") == len(LANGUAGES), again.log
    for language in LANGUAGES:
        assert theme_news(again, language, slug) == ([newest.title_in(language)], "")
        post = again.soup(language, newest.page).select_one(".lnox-post-meta")
        assert THEMES[slug].titles[language] in post.get_text()


@pytest.mark.slow
def test_serial_build_gives_the_same_feeds_as_the_parallel_one(site, project):
    build = run_build(project / "docs", project / "html", "-j", "1")
    assert build.returncode == 0, build.log
    for language in LANGUAGES:
        built = (project / "html" / language / "actualites" / "atom.xml").read_text()
        assert built == (site.out / language / "actualites" / "atom.xml").read_text()


# -- Bad input ---------------------------------------------------------------------------------

NEWEST_FILE = next(
    p for p in sorted(NEWS.glob("[0-9]*/*.md"), reverse=True) if p.name != "index.md"
)


def _edit_newest(project: Path, old: str, new: str) -> str:
    path = project / NEWEST_FILE.relative_to(DOCS.parent)
    text = path.read_text(encoding="utf-8")
    assert re.search(old, text, re.MULTILINE)
    path.write_text(re.sub(old, new, text, count=1, flags=re.MULTILINE), encoding="utf-8")
    return path.relative_to(project).as_posix()


def _duplicate_slug(project: Path) -> str:
    source = project / NEWEST_FILE.relative_to(DOCS.parent)
    slug = post_files.FILE_NAME.match(source.name)["slug"]
    copy = project / "docs" / "actualites" / "2030" / f"2030-01-02-{slug}.md"
    copy.parent.mkdir()
    (copy.parent / "index.md").write_text(ARCHIVE_TEMPLATE, encoding="utf-8")
    text = re.sub(
        r"^date: .*$", "date: 2030-01-02", source.read_text(), count=1, flags=re.MULTILINE
    )
    copy.write_text(text, encoding="utf-8")
    return copy.relative_to(project).as_posix()


def _post_elsewhere(project: Path) -> str:
    target = project / "docs" / "recherche" / "nouvelle.md"
    shutil.copy(project / NEWEST_FILE.relative_to(DOCS.parent), target)
    return target.relative_to(project).as_posix()


# How to break the project, the line the message must name (None: the whole file), what it says.
BAD_INPUT = {
    "no date": (lambda p: _edit_newest(p, r"^date: .*\n", ""), 1, "the post has no date"),
    "impossible date": (
        lambda p: _edit_newest(p, r"^date: .*$", "date: 31/31/2025"),
        2,
        "the date '31/31/2025' is not a date written YYYY-MM-DD",
    ),
    "unknown tag": (
        lambda p: _edit_newest(p, r"^tags: \[", "tags: [nouveaute, "),
        3,
        "unknown tag 'nouveaute'",
    ),
    "same slug": (_duplicate_slug, None, "is already used by docs/actualites/"),
    "post outside the news": (
        _post_elsewhere,
        2,
        "has the date and tags of a news post but is not in a year folder",
    ),
    "invalid YAML": (
        lambda p: _edit_newest(p, r"^tags: \[(.*)\]$", r"tags: [\1"),
        3,
        "the front matter is not valid YAML",
    ),
    "reference in the summary": (
        lambda p: _edit_newest(p, r"^(# .*\n\n)", r"\1Voir {pub}`kouzi2020oncogene`. "),
        None,
        "the first paragraph of a post is its summary",
    ),
}


def _break(project: Path, case: str) -> tuple[str, str]:
    """Make the mistake ``case``; the place its message names and what it says."""
    breaks, line, message = BAD_INPUT[case]
    path = breaks(project)
    return (f"{path}:{line}:" if line else path), message


# Found by the build as it reads the post, not by the checks.
BUILD_ONLY = ["reference in the summary"]


@pytest.mark.parametrize("case", [case for case in BAD_INPUT if case not in BUILD_ONLY])
def test_bad_news_input_is_reported_with_its_place_and_fix(project, case):
    place, message = _break(project, case)
    problems = checked(project)
    assert [p for p in problems if place in p and message in p], problems


@pytest.mark.slow
@pytest.mark.parametrize("case", ["impossible date", *BUILD_ONLY])
def test_bad_news_input_stops_the_build_with_its_place_and_fix(project, case):
    """The build runs the same checks (one of their mistakes proves it), and finds the others."""
    place, message = _break(project, case)
    build = build_copy(project)
    assert build.returncode != 0
    hits = [entry for entry in build.log.splitlines() if place in entry and message in entry]
    assert hits, build.log
    assert "build succeeded" not in build.log


def test_checks_name_the_mistakes_of_a_post(project):
    path = _edit_newest(project, r"^themes: .*$", "themes: [nich]\nbib: x")
    _edit_newest(project, r"^# ", "## ")
    problems = [str(p) for p in check_project(project) if p.path == path]
    assert any("unknown theme 'nich' — did you mean niche?" in p for p in problems), problems
    assert any("no entry 'x' in references.bib" in p for p in problems), problems
    assert any("does not start with its title" in p for p in problems), problems


def test_a_misnamed_post_and_a_missing_archive_are_reported(project):
    folder = project / "docs" / "actualites" / "2031"
    folder.mkdir()
    shutil.copy(project / NEWEST_FILE.relative_to(DOCS.parent), folder / "nouvelle.md")
    problems = [str(p) for p in check_project(project)]
    assert any("2031/nouvelle.md: the file name of a post must be" in p for p in problems)
    assert any("2031/index.md: the posts of 2031 have no archive page" in p for p in problems)


# -- Starting a post ---------------------------------------------------------------------------


def test_new_post_is_named_dated_and_checked(project):
    created = new_post(project, ["Prix de thèse d'Amélie", "prix"], dt.date(2031, 5, 4))
    archive, post = created
    assert archive == project / "docs" / "actualites" / "2031" / "index.md"
    assert post.name == "2031-05-04-prix-de-these-d-amelie.md"
    text = post.read_text(encoding="utf-8")
    assert text.startswith("---\ndate: 2031-05-04\ntags: [prix]\n")
    assert "# Prix de thèse d’Amélie" in text
    problems = [str(p) for p in check_project(project)]
    # Its English is written once `nox -s translate` has made its catalogue.
    title = text.splitlines().index("# Prix de thèse d’Amélie") + 1
    english = (
        f"docs/actualites/2031/{post.stem}.md:{title}: this page has no English catalogue "
        f"(docs/locales/en/LC_MESSAGES/actualites/2031/{post.stem}.po) — run nox -s translate, "
        "then write the English of every entry of the catalogue it creates"
    )
    assert [p for p in problems if "no text after its title" in p] + [english] == problems
    post.write_text(text + "\nLe texte.\n", encoding="utf-8")
    assert [str(p) for p in check_project(project)] == [english]


def test_new_command_creates_a_post(project):
    result = new(project, "news", "Titre de l'essai", "prix")
    assert result.returncode == 0, result.stderr
    assert not result.stderr
    created = [Path(line.removeprefix("created ")) for line in result.stdout.splitlines()]
    assert created[-1].name.endswith("-titre-de-l-essai.md")
    assert created[-1].is_file()


def test_new_command_dates_a_post_on_the_day_given(project):
    result = new(project, "news", "Prix reçu", "prix", "--date", "2024-02-29")
    assert result.returncode == 0, result.stderr
    post = Path(result.stdout.splitlines()[-1].removeprefix("created "))
    assert post == project / "docs" / "actualites" / "2024" / "2024-02-29-prix-recu.md"
    assert post.read_text(encoding="utf-8").startswith("---\ndate: 2024-02-29\ntags: [prix]\n")


@pytest.mark.parametrize(
    ("date", "message"),
    [("2024-02-30", "February 2024 has 29 days, not 30"), ("29/02/2024", "not a date written")],
)
def test_new_command_refuses_an_impossible_date(project, date, message):
    result = new(project, "news", "Prix reçu", "--date", date)
    assert result.returncode != 0
    assert message in result.stderr
    assert not list((project / "docs" / "actualites").rglob("*prix-recu.md"))


def test_new_command_without_a_kind_lists_the_kinds(project):
    result = new(project)
    assert result.returncode == 0, result.stderr
    assert [line.split()[4] for line in result.stdout.splitlines()[1:]] == [
        "edition", "news", "person"
    ]  # fmt: skip


def test_new_post_refuses_an_unknown_tag_and_a_taken_name(project):
    with pytest.raises(SystemExit, match="unknown tag"):
        new_post(project, ["Titre", "inconnu"])
    new_post(project, ["Même titre"], dt.date(2031, 1, 1))
    with pytest.raises(SystemExit, match="already uses the name 'meme-titre'"):
        new_post(project, ["Même titre"], dt.date(2031, 1, 2))


# -- Units -------------------------------------------------------------------------------------


def _post(day: int, tags=("prix",), themes=("niche",)) -> Post:
    source = PostSource(f"p{day}", dt.date(2020, 1, day), "day", tags, themes, None, None)
    return Post(f"actualites/2020/p{day}", source, f"Titre {day}", "")


def test_selection_filters_and_orders_newest_first():
    posts = [_post(1), _post(3, tags=("these",)), _post(2, themes=())]
    assert [p.title for p in Selection().apply(posts)] == ["Titre 3", "Titre 2", "Titre 1"]
    assert [p.title for p in Selection(limit=1).apply(posts)] == ["Titre 3"]
    assert [p.title for p in Selection(tag="prix").apply(posts)] == ["Titre 2", "Titre 1"]
    assert [p.title for p in Selection(theme="niche").apply(posts)] == ["Titre 3", "Titre 1"]
    assert Selection(year=2021).apply(posts) == []
    assert Archives("tag").apply(posts) == [("prix", 2), ("these", 1)]


def test_slugs_are_plain_lower_case_words():
    assert slugify("Cœur : l’œuf, déjà vu !") == "coeur-l-oeuf-deja-vu"
    assert slugify("?") == "actualite"
