"""The words the extension writes have one catalogue per audience, gathered from the code, and
each is translated into every language that needs it (lnox_site.content.wording)."""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from lnox_site.content.wording import (
    DOMAINS,
    contributor_language,
    template_path,
    untranslated,
)
from lnox_site.wording_catalogues import languages, template


@pytest.mark.parametrize("domain", DOMAINS)
def test_the_template_holds_every_word_the_code_marks(domain):
    with template_path(domain).open("rb") as handle:
        kept = {m.id for m in read_po(handle) if m.id}
    marked = {m.id for m in template(domain) if m.id}
    assert kept == marked, "run `nox -s translate`: it gathers the words again"


@pytest.mark.parametrize(
    ("domain", "language"), [(d, lang) for d in DOMAINS for lang in languages(d)]
)
def test_every_word_is_translated(domain, language):
    left = [f"{w.catalogue.name}:{w.line}: {w.message}" for w in untranslated(language, domain)]
    assert left == []


@pytest.mark.parametrize(
    ("environ", "language"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "C"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LC_ALL": "C.UTF-8"}, "en"),
        ({"LANG": "fr_FR.UTF-8", "LC_MESSAGES": "en_GB.UTF-8"}, "en"),
        ({"LANG": "C", "LNOX_LANGUAGE": "fr"}, "fr"),
        ({"LANG": "fr_FR.UTF-8", "LNOX_LANGUAGE": "en"}, "en"),
    ],
)
def test_a_contributor_is_told_things_in_the_language_of_their_system(environ, language):
    assert contributor_language(environ) == language
