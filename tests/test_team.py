"""The Team pages: people, history, contact and the ResearchOrganization JSON-LD, in both
languages, all derived from docs/_data/people.yaml and team.yaml; mistakes in those files stop the
build with their place."""

from __future__ import annotations

import json
from functools import cache
from urllib.parse import urlsplit

import pytest
import yaml
from conftest import DOCS, LANGUAGES, ROOT, TEST_SITE_URL, build_copy, checked
from content import assert_reported_at, assert_stops_at, new

from lnox_site.content import organisation, people

TEAM_PAGE = "equipe/index.html"
# The heading of each group of people, as a reader of each language reads it.
HEADINGS = {
    "fr": {
        "leader": "Direction de l’équipe", "member": "Membres de l’équipe",
        "phd": "Thèses liées à l’équipe", "contributor": "Contributions aux travaux de l’équipe",
        "partner": "Partenaires de l’équipe", "alumnus": "Anciens membres",
    },
    "en": {
        "leader": "Team leadership", "member": "Team members",
        "phd": "Doctoral theses linked to the team", "contributor": "Contributors to the team’s work",
        "partner": "The team’s partners", "alumnus": "Former members",
    },
}  # fmt: skip
PEOPLE_YAML = "docs/_data/people.yaml"  # as contributors name it
TEAM_YAML = "docs/_data/team.yaml"


@pytest.fixture(scope="module")
def everyone():
    """The people of the site's people.yaml, as the site reads them."""
    found, problems = people.load(ROOT)
    assert not problems
    assert found
    return found


@pytest.fixture(scope="module")
def team():
    found, problems = organisation.load(ROOT)
    assert not problems
    return found


def test_data_files_are_valid(everyone, team):
    assert team.name


def _person(soup, name):
    entries = [
        li for li in soup.select("li.lnox-person") if li.select_one("strong").get_text() == name
    ]
    assert len(entries) == 1, name
    return entries[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_team_page_lists_every_person_under_their_status(site, language, everyone):
    soup = site.soup(language, TEAM_PAGE)
    for person in everyone:
        entry = _person(soup, person.name)
        heading = entry.find_parent("section").select_one("h2").get_text(strip=True).rstrip("¶")
        assert heading == HEADINGS[language][person.status], person.name
        text = entry.get_text(" ", strip=True)
        for role in person.roles:
            assert role[language] in text


@cache
def status_of() -> dict[str, str]:
    """The statuses as people.yaml writes them, read without the site's code."""
    people_yaml = (DOCS / "_data" / "people.yaml").read_text(encoding="utf-8")
    return {entry["name"]: entry["status"] for entry in yaml.safe_load(people_yaml)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_group_holds_exactly_the_people_of_its_status(site, language):
    """Only the people the file calls leaders appear under the team's leadership, and so on."""
    soup = site.soup(language, TEAM_PAGE)
    for status in set(status_of().values()):
        group = soup.select_one(f"section#people-{status}")
        shown = [strong.get_text() for strong in group.select("li.lnox-person > p > strong")]
        assert sorted(shown) == sorted(n for n, s in status_of().items() if s == status), status
    assert len(soup.select("li.lnox-person")) == len(status_of())


@pytest.mark.parametrize("language", LANGUAGES)
def test_theses_and_works_link_to_existing_publication_entries(site, language, everyone):
    soup = site.soup(language, TEAM_PAGE)
    linked = 0
    for person in everyone:
        keys = [person.thesis, *person.works] if person.thesis else person.works
        links = _person(soup, person.name).select("a[href]")
        assert len(links) == len(keys), person.name
        for link, key in zip(links, keys, strict=True):
            href = urlsplit(link["href"])
            target = (site.out / language / TEAM_PAGE).parent / href.path
            page = target.resolve().relative_to((site.out / language).resolve())
            assert page.as_posix() == f"publications/{key}.html", (person.name, key)
            assert site.soup(language, page).find(id=f"pub-{key}"), (person.name, key)
            linked += 1
    assert linked


@pytest.mark.parametrize("language", LANGUAGES)
def test_team_page_describes_the_organisation_in_json_ld(site, language, team):
    soup = site.soup(language, TEAM_PAGE)
    blocks = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    (org,) = [block for block in blocks if block["@type"] == "ResearchOrganization"]
    assert org["name"] == team.name
    assert org["url"] == f"{TEST_SITE_URL}{language}/"
    assert org["address"]["postalCode"] == team.address["postal_code"]
    assert org["address"]["addressCountry"] == team.address["country_code"]
    assert [p["name"] for p in org["parentOrganization"]] == team.parents


@cache
def team_data() -> dict:
    return yaml.safe_load((ROOT / TEAM_YAML).read_text(encoding="utf-8"))


# How the History page writes the years of a label (the file's header says what each field means).
YEARS = {
    "fr": {"onward": "À partir de {}", "inferred": " (date déduite)", "undated": "Date inconnue"},
    "en": {"onward": "From {}", "inferred": " (inferred date)", "undated": "Date unknown"},
}


def years_of(period: dict, language: str) -> str:
    """« 2013-2015 » (en dash), « À partir de 2018 », « 2025 (date déduite) »: the years of an entry."""
    words = YEARS[language]
    if "from" not in period:
        return words["undated"]
    years = f"{period['from']}\u2013{period['to']}" if "to" in period else str(period["from"])
    if period.get("onward"):
        years = words["onward"].format(years)
    return years + (words["inferred"] if period.get("inferred") else "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_history_shows_every_label_with_its_years(site, language):
    timeline = site.soup(language, "equipe/histoire.html").select_one("dl.lnox-timeline")
    terms = [dt.get_text(strip=True) for dt in timeline.select("dt")]
    labels = [dd.select_one("strong").get_text(strip=True) for dd in timeline.select("dd")]
    assert terms == [years_of(period, language) for period in team_data()["history"]]
    assert labels == [period["label"] for period in team_data()["history"]]


@pytest.mark.parametrize("language", LANGUAGES)
def test_contact_page_shows_the_postal_address(site, language):
    block = site.soup(language, "contact.html").select_one(".lnox-address")
    lines = [line.get_text(strip=True) for line in block.select(".line")]
    a = team_data()["address"]
    street = ", ".join(part for part in (a["street"], a.get("po_box")) if part)
    expected = [a["organisation"], a.get("building"), street]
    expected += [f"{a['postal_code']} {a['locality']}", a["country"]]
    assert lines == [line for line in expected if line]


# -- Mistakes in the people file -----------------------------------------------------------------


def _replace_first(project, old: str, new: str) -> int:
    """Replace the first line starting with ``old`` (after indentation); returns its number."""
    path = project / PEOPLE_YAML
    lines = path.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.strip().startswith(old))
    lines[number] = lines[number].replace(old, new, 1)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return number + 1


BAD_PEOPLE = [
    ("status: phd", "status: doctorant", "unknown status 'doctorant'"),
    (
        "thesis: kouzi2018thesis",
        "thesis: kouzi2018these",
        "'kouzi2018these' is not a key of references.bib",
    ),
    ("defended: 2021-12-01", "defended: 2020-12-01", "defended in 2020 but references.bib"),
]


@pytest.mark.parametrize(("old", "new", "message"), BAD_PEOPLE)
def test_bad_person_is_reported_at_its_line(project, old, new, message):
    line = _replace_first(project, old, new)
    assert_reported_at(checked(project), PEOPLE_YAML, line, message)


@pytest.mark.slow
def test_bad_person_stops_the_build_at_its_line(project):
    """The build runs the same checks: one mistake proves it."""
    old, new, message = BAD_PEOPLE[0]
    line = _replace_first(project, old, new)
    assert_stops_at(build_copy(project), PEOPLE_YAML, line, message)


@pytest.mark.slow
def test_new_person_skeleton_builds(project):
    result = new(project, "person", "Jeanne Martin")
    assert result.returncode == 0, result.stderr
    build = build_copy(project, "fr")
    assert build.returncode == 0, build.log
    entry = _person(build.soup("fr", TEAM_PAGE), "Jeanne Martin")
    heading = entry.find_parent("section").select_one("h2").get_text(strip=True).rstrip("¶")
    assert heading == HEADINGS["fr"]["member"]


def test_history_years_in_the_wrong_order_are_reported(project):
    path = project / TEAM_YAML
    text = path.read_text(encoding="utf-8").replace("    to: 2015\n", "    to: 2012\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    to: 2012") + 1
    problems = organisation.load(project)[1]
    assert [(p.path, p.line) for p in problems] == [(TEAM_YAML, line)]
    assert "'to: 2012' comes without 'from' or before it" in str(problems[0])


@pytest.mark.parametrize(
    ("addition", "message"),
    [
        ("- name: Jeanne Martin\n  status: member\n  status: leader\n", "the key 'status' appears twice"),
        ("- name: Jeanne Martin\n  status: member\n  roles: [fr: x\n", "unreadable YAML"),
        ("- name: Jeanne Martin\n  status: member\n  roles:\n    - fr: Chercheuse\n", "the text needs exactly the languages fr, en"),
    ],
)  # fmt: skip
def test_malformed_people_entries_are_reported_at_their_line(project, addition, message):
    path = project / PEOPLE_YAML
    text = path.read_text(encoding="utf-8") + "\n"
    path.write_text(text + addition, encoding="utf-8")
    problems = people.load(project)[1]
    assert problems, addition
    last_line = len(text.splitlines()) + len(addition.splitlines())
    assert all(p.path == PEOPLE_YAML and 0 < p.line <= last_line for p in problems)
    assert any(message in str(p) and p.line > len(text.splitlines()) for p in problems), problems
