"""references.bib is parsed entry by entry, each entry's text once: an edit parses only the entries
it changed, and what the site reads is what pybtex reads from the whole file."""

from __future__ import annotations

import pytest
from conftest import ROOT
from pybtex.database.input.bibtex import Parser
from pybtex.exceptions import PybtexError

from lnox_site.content import references
from lnox_site.upstream import bibtex

BIB = (ROOT / "references.bib").read_text(encoding="utf-8-sig")
ENTRY = """@article{{{key},
  author   = {{Kouzi, Farah and Hérault, Olivier}},
  title    = {{{title}}},
  journal  = {{Oncogene}},
  year     = {{2020}},
}}
"""


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """The texts pybtex is asked to parse, from now on."""
    asked: list[str] = []
    parse = Parser.parse_string

    def counted(self, text):
        asked.append(text)
        return parse(self, text)

    monkeypatch.setattr(Parser, "parse_string", counted)
    return asked


def test_the_entries_are_those_of_the_whole_file():
    whole = Parser().parse_string(BIB).entries
    entries = references.parsed(BIB).entries
    assert list(entries) == list(whole)
    assert all(entries[key] == whole[key] for key in whole)


def test_an_edit_parses_only_the_entry_it_changed(parses):
    first = ENTRY.format(key="parsedonce2020a", title="Un titre")
    second = ENTRY.format(key="parsedonce2020b", title="Un autre titre")
    references.parsed(first + "\n" + second)
    assert len(parses) == 2
    edited = ENTRY.format(key="parsedonce2020b", title="Le titre corrigé")
    data = references.parsed(first + "\n" + edited)
    assert parses[2:] == [edited.rstrip()]  # the entry from its "@" to its closing brace
    assert data.entries["parsedonce2020b"].fields["title"] == "Le titre corrigé"


def test_a_file_with_abbreviations_is_parsed_whole(parses):
    text = '@string{onc = "Oncogene"}\n\n' + ENTRY.format(key="parsedonce2021", title="T").replace(
        "{Oncogene}", "onc"
    )
    data = references.parsed(text)
    assert parses == [text]
    assert data.entries["parsedonce2021"].fields["journal"] == "Oncogene"


def test_an_entry_pybtex_refuses_raises_each_time_it_is_read():
    broken = ENTRY.format(key="parsedonce2022", title="T").replace(
        "Kouzi, Farah and Hérault, Olivier", "Kouzi, Farah, Hérault, Olivier, Jr"
    )
    for _ in range(2):
        with pytest.raises(PybtexError):
            references.parsed(broken)


class _Domain:
    def __init__(self) -> None:
        self.data: dict[str, object] = {}


class _Env:
    """What fill_cache uses of the build environment: the ``cite`` domain."""

    def __init__(self) -> None:
        self.cite = _Domain()

    def get_domain(self, name: str) -> _Domain:
        assert name == "cite"
        return self.cite


def test_the_cache_is_handed_over_only_to_the_release_it_was_checked_against(monkeypatch, tmp_path):
    """The cache is private to sphinxcontrib-bibtex (lnox_site.upstream.bibtex): with another
    release installed, nothing is handed over and sphinxcontrib-bibtex parses the file itself."""
    data = references.parsed(ENTRY.format(key="parsedonce2023", title="T"))
    path = tmp_path / "r.bib"
    env = _Env()
    assert bibtex.fill_cache(env, path, 1.0, data, "utf-8")
    handed = env.cite.data["bibdata"]
    assert handed.data is data
    assert list(handed.bibfiles) == [path]
    assert list(handed.bibfiles[path].keys) == ["parsedonce2023"]
    monkeypatch.setattr(bibtex, "version", lambda tool: "0.0.1")
    other = _Env()
    assert not bibtex.fill_cache(other, path, 1.0, data, "utf-8")
    assert other.cite.data == {}
