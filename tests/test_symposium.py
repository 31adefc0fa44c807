"""The « Niches Tumorales » symposium: the table of the series, the edition pages and their Event
JSON-LD, in both languages, all derived from the editions' front matter; mistakes in that front
matter stop the build with their place."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import LANGUAGES, ROOT, TEST_SITE_URL, build_copy, checked
from content import assert_reported_at, assert_stops_at, new
from page_sources import Sources, front_matter, written_span

from lnox_site.pages.symposium import Edition, date_span, edition_files, load, undescribed

EDITIONS, PROBLEMS = load(ROOT)
NEWEST_FIRST = sorted(EDITIONS, key=lambda e: -e.number)
# The labels of the series table and of an edition's facts, as each language writes them.
LABELS = {
    "fr": {
        "edition": "Édition",
        "year": "Année",
        "dates": "Dates",
        "place": "Lieu",
        "chair": "Présidence",
        "aegis": "Sous l’égide de",
        "organisers": "Organisation",
        "no-dates": "non renseignées",
    },
    "en": {
        "edition": "Edition",
        "year": "Year",
        "dates": "Dates",
        "place": "Place",
        "chair": "Chair",
        "aegis": "Under the aegis of",
        "organisers": "Organisers",
        "no-dates": "not recorded",
    },
}


def facts_of(edition: Edition) -> dict:
    """The edition's front matter, read with PyYAML."""
    return front_matter(ROOT / edition.path)


def dates_of(edition: Edition, language: str) -> str | None:
    meta = facts_of(edition)
    return written_span(meta["start"], meta.get("end"), language) if meta.get("start") else None


def place_of(edition: Edition) -> str:
    meta = facts_of(edition)
    return ", ".join(part for part in (meta.get("venue"), meta.get("city")) if part)


def test_every_edition_file_is_valid():
    assert not PROBLEMS
    assert sorted(e.path for e in EDITIONS) == [
        p.relative_to(ROOT).as_posix() for p in edition_files(ROOT)
    ]
    assert EDITIONS


@pytest.mark.parametrize("language", LANGUAGES)
def test_series_table_lists_every_edition(site, language):
    soup = site.soup(language, "symposium/index.html")
    rows = soup.select("table.lnox-editions tbody tr")
    assert len(rows) == len(EDITIONS)
    for row, edition in zip(rows, NEWEST_FIRST, strict=True):
        cells = [cell.get_text(strip=True) for cell in row.select("td")]
        dates = dates_of(edition, language) or LABELS[language]["no-dates"]
        assert cells[1:] == [str(facts_of(edition)["year"]), dates, place_of(edition) or "—"]
        link = row.select_one("a")["href"]
        assert link == f"{edition.year}.html"
        assert (site.out / language / "symposium" / link).exists()
    header = [cell.get_text(strip=True) for cell in soup.select("table.lnox-editions thead th")]
    assert header == [LABELS[language][key] for key in ("edition", "year", "dates", "place")]


@pytest.mark.parametrize("language", LANGUAGES)
def test_edition_pages_open_with_their_facts(site, language):
    for edition in EDITIONS:
        summary = site.soup(language, f"symposium/{edition.year}.html").select_one(
            "article dl.lnox-edition"
        )
        facts = {
            dt_.get_text(strip=True): dt_.find_next_sibling("dd").get_text(" ", strip=True)
            for dt_ in summary.select("dt")
        }
        meta, labels = facts_of(edition), LABELS[language]
        assert facts[labels["year"]] == str(meta["year"])
        if meta.get("start"):
            assert facts[labels["dates"]] == dates_of(edition, language)
        if meta.get("chair"):
            assert facts[labels["chair"]] == meta["chair"]
        for key in ("aegis", "organisers"):
            for body in meta.get(key, ()):
                assert body in facts[labels[key]]


def _urls(data):
    """Every value of a "url" key in a JSON-LD tree."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == "url":
                yield value
            yield from _urls(value)
    elif isinstance(data, list):
        for item in data:
            yield from _urls(item)


@pytest.mark.parametrize("language", LANGUAGES)
def test_edition_pages_describe_an_event_in_json_ld(site, language):
    for edition in EDITIONS:
        page = f"symposium/{edition.year}.html"
        soup = site.soup(language, page)
        blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
        events = [block for block in blocks if block["@type"] == "Event"]
        assert len(events) == 1, page
        event = events[0]
        assert event["@context"] == "https://schema.org"
        assert event["url"] == f"{TEST_SITE_URL}{language}/{page}"
        assert event["superEvent"]["url"] == f"{TEST_SITE_URL}{language}/symposium/index.html"
        assert all(url.startswith(TEST_SITE_URL) for url in _urls(event))
        assert event["name"] == soup.select_one("h1").get_text(strip=True).rstrip("¶")
        if edition.start:
            assert dt.date.fromisoformat(event["startDate"]) == edition.start
            assert dt.date.fromisoformat(event["endDate"]) == edition.last_day
        if edition.city:
            assert event["location"]["address"]["addressLocality"] == edition.city
        organisers = {o["name"] for o in event.get("organizer", [])}
        assert organisers == {*edition.organisers, *filter(None, [edition.chair])}
        # Being held under a body's aegis is not being organised or sponsored by it.
        named = json.dumps(event, ensure_ascii=False)
        assert not [body for body in edition.aegis if body in named]


def test_undescribed_editions_are_grouped_in_ranges():
    editions = [Edition("x", number, 2000 + number) for number in (3, 6, 9)]
    assert undescribed(editions, "fr").astext() == (
        "Éditions qui n’ont pas encore de page sur ce site\u00a0: 1re à 2e, 4e à 5e et 7e à 8e."
    )
    assert undescribed(editions[:2], "en").astext() == (
        "Editions that have no page on this site yet: 1st to 2nd and 4th to 5th."
    )
    assert undescribed([Edition("x", 1, 2011)], "en") is None


@pytest.mark.parametrize(
    ("start", "end", "fr", "en"),
    [
        ("2019-11-07", "2019-11-08", "7–8 novembre 2019", "7–8 November 2019"),  # noqa: RUF001
        ("2019-11-30", "2019-12-01", "30 novembre – 1er décembre 2019", "30 November – 1 December 2019"),  # noqa: RUF001
        ("2019-12-31", "2020-01-01", "31 décembre 2019 – 1er janvier 2020", "31 December 2019 – 1 January 2020"),  # noqa: RUF001
        ("2019-11-07", None, "7 novembre 2019", "7 November 2019"),
        ("2019-11-01", "2019-11-03", "1er–3 novembre 2019", "1–3 November 2019"),  # noqa: RUF001
    ],
)  # fmt: skip
def test_date_spans_are_written_for_each_language(start, end, fr, en):
    first = dt.date.fromisoformat(start)
    last = dt.date.fromisoformat(end) if end else None
    assert (date_span(first, last, "fr"), date_span(first, last, "en")) == (fr, en)


# -- Mistakes in an edition's front matter --------------------------------------------------------

EDITION_2019 = "docs/symposium/2019.md"


def _line_of(text: str, start: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


BAD_FRONT_MATTER = [
    ("edition:", None, "the required field 'edition' is missing"),
    ("start:", "start: 2019-11-31", "'2019-11-31' is impossible: November 2019 has 30 days"),
    ("end:", "end: 2019-11-06", "the end 2019-11-06 is before the start 2019-11-07"),
    ("city:", "city:", "city is empty — remove the line if it is not known"),
]


@pytest.mark.parametrize(("field", "replacement", "message"), BAD_FRONT_MATTER)
def test_bad_front_matter_is_reported_at_its_line(project, field, replacement, message):
    line = _break_front_matter(project, field, replacement)
    assert_reported_at(checked(project), EDITION_2019, line, message)


@pytest.mark.slow
def test_bad_front_matter_stops_the_build_at_its_line(project):
    """The build runs the same checks: one mistake proves it."""
    field, replacement, message = BAD_FRONT_MATTER[1]
    line = _break_front_matter(project, field, replacement)
    assert_stops_at(build_copy(project), EDITION_2019, line, message)


def _break_front_matter(project: Path, field: str, replacement: str | None) -> int:
    """Replace (None: remove) the line of ``field`` in the 2019 edition; the line reported."""
    path = project / EDITION_2019
    lines = path.read_text(encoding="utf-8").splitlines()
    line = _line_of("\n".join(lines), field)
    if replacement is None:  # a missing field is reported where the fields begin
        del lines[line - 1]
        line = 2
    else:
        lines[line - 1] = replacement
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return line


def test_an_edition_number_used_twice_is_reported(project):
    text = (project / EDITION_2019).read_text(encoding="utf-8")
    copy = text.replace("year: 2019", "year: 2018").replace("2019-11-0", "2018-11-0")
    (project / "docs/symposium/2018.md").write_text(copy, encoding="utf-8")
    assert_reported_at(
        checked(project),
        EDITION_2019,
        _line_of(text, "edition:"),
        "edition number 9 is already used",
    )


@pytest.mark.slow
def test_new_edition_skeleton_builds_in_both_languages(project):
    result = new(project, "edition", "2020")
    assert result.returncode == 0, result.stderr
    assert (project / "docs/symposium/2020.md").exists()
    assert "2020.md" in result.stdout
    # Its title in English, as a translator writes it after `nox -s translate`: without it, the
    # English build refuses the page.
    skeleton = (project / "docs/symposium/2020.md").read_text(encoding="utf-8").splitlines()
    title = next(line.removeprefix("# ") for line in skeleton if line.startswith("# Symposium"))
    (project / "docs/locales/en/LC_MESSAGES/symposium/2020.po").write_text(
        f'msgid "{title}"\nmsgstr "The 2020 “Niches Tumorales” symposium"\n', encoding="utf-8"
    )
    for language in LANGUAGES:
        build = build_copy(project, language)
        assert build.returncode == 0, build.log
        table = build.soup(language, "symposium/index.html").select_one("table.lnox-editions")
        assert table.select_one("tbody tr a")["href"] == "2020.html"
        event = json.loads(
            build.soup(language, "symposium/2020.html")
            .select_one('script[type="application/ld+json"]')
            .string
        )
        assert event["url"] == f"{TEST_SITE_URL}{language}/symposium/2020.html"
        assert "startDate" not in event  # no date is invented
        # Described by its number and year alone (no dates, no city yet).
        described = build.soup(language, "symposium/2020.html").find(
            "meta", attrs={"name": "description"}
        )
        assert (
            described["content"]
            == Sources(project / "docs").expected("symposium/2020", language).text
        )
