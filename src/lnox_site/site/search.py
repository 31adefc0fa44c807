"""Search that forgives: the same word whatever its accents, case and spelling.

Sphinx's search stems the words of each page when it writes the index (Python) and the words of
the query in the reader's browser (JavaScript, ``language_data.js``). Both go through
:func:`normalise` first, so that they meet whatever the reader typed:

* case and accents are ignored, ligatures are spelt out: ``Herault`` = ``Hérault``,
  ``oeil`` = ``œil``;
* elided French words are left out: ``l'hypoxie`` finds ``hypoxie``;
* on the English site, British and American spellings are one word: ``leukaemia`` = ``leukemia``,
  ``haematopoiesis`` = ``hematopoiesis``, ``tumour`` = ``tumor``, ``characterise`` =
  ``characterize``, ``centre`` = ``center``, ``signalling`` = ``signaling`` (:data:`RULES`:
  spelling rules, never lists of the site's words).

Then Snowball stems the word as before (« leucémiques » still finds « leucémique »). The rules are
written once, here, as regular expressions that Python and JavaScript read alike; a test runs the
same words through both. Sphinx compares page titles, glossary entries and publications with the
query letter for letter: ``docs/_static/lnox-search.js`` makes that comparison on normalised text
too.

Sphinx's script that highlights the searched words on the page a result opens
(``sphinx_highlight.js``, 5 KB) is loaded by the other pages only when they are opened from the
search page (``page.html``), not by every page.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any

from sphinx.application import Sphinx
from sphinx.search import SearchLanguage
from sphinx.search.en import SearchEnglish
from sphinx.search.fr import SearchFrench

from lnox_site.content.folding import LIGATURES, fold
from lnox_site.upstream.sphinx import snowball_js

# (pattern, replacement) applied in order to a lower-case word without accents; ``\\1`` in a
# replacement is the first group. Only what both regular expression engines read the same way:
# ASCII classes, groups, anchors, no look-behind.
RULES: dict[str, list[tuple[str, str]]] = {
    "fr": [],
    "en": [
        # -aemia, haem-: leukaemia, anaemia, ischaemic, haematopoiesis, haemoglobin
        ("aem", "em"),
        # paediatric, anaesthesia, aetiology, gynaecology, faeces, caecum
        ("paed", "ped"),
        ("anaes", "anes"),
        ("^aetiol", "etiol"),
        ("gynaec", "gynec"),
        ("faec", "fec"),
        ("caec", "cec"),
        # oedema, oestrogen, oesophagus, foetal, diarrhoea, coeliac
        ("^oe([ds])", "e\\1"),
        ("^foet", "fet"),
        ("rrhoea", "rrhea"),
        ("coeli", "celi"),
        # tumour(s), colour, behaviour, labour, favourite, tumourigenesis; not four, tour, hour,
        # your, pour, Tours (a consonant that -our words never follow there)
        (
            "^([a-z]+[bdglmnprv]|[a-z]+i)our(s|ed|ing|er|ers|ful|less|able|al|ally|ite|ites|y|igen[a-z]*)?$",
            "\\1or\\2",
        ),
        # characterise, organisation, analyse (at least two letters before the i: not rise)
        ("^([a-z]{2,}i)s(e|es|ed|ing|ation|ations|er|ers|able)$", "\\1z\\2"),
        ("^([a-z]+y)s(e|es|ed|ing|er|ers)$", "\\1z\\2"),
        # centre, metre, litre, theatre, titre, fibre
        ("^([a-z]*(?:cen|me|li|thea|spec|lus|ti))tre(s|d)?$", "\\1ter\\2"),
        ("^([a-z]*(?:fi|cali|som|sa))bre(s|d)?$", "\\1ber\\2"),
        # signalling, labelled, modelling, travelled (a vowel, consonants and a vowel before -ll)
        ("^([a-z]*[aeiouy][b-df-hj-np-tv-xz]+[aeiouy])ll(ed|ing|er|ers)$", "\\1l\\2"),
        # programme, ageing, grey
        ("programme", "program"),
        ("^ageing$", "aging"),
        ("^grey", "gray"),
    ],
}

# Elided words that Sphinx's French stop words lack (``jusqu'à``, ``lorsqu'il``).
ELIDED = frozenset({"jusqu", "lorsqu", "puisqu", "quoiqu"})


@cache
def _compiled(language: str) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(pattern), repl) for pattern, repl in RULES.get(language, [])]


def normalise(word: str, language: str) -> str:
    """The form of ``word`` that the index and the query share, before stemming."""
    word = fold(word)
    for pattern, repl in _compiled(language):
        word = pattern.sub(repl, word)
    return word


def js_normaliser(language: str) -> str:
    """:func:`normalise` in JavaScript, as ``lnoxNormalise(word)``."""
    rules = [[pattern, re.sub(r"\\(\d)", r"$\1", repl)] for pattern, repl in RULES[language]]
    return f"""
const lnoxLigatures = {json.dumps(LIGATURES, ensure_ascii=False)};
const lnoxRules = {json.dumps(rules)}.map(([p, r]) => [new RegExp(p, "g"), r]);
var lnoxNormalise = (word) => {{
  let result = word.toLowerCase().normalize("NFD").replace(/\\p{{Mn}}/gu, "");
  result = [...result].map((c) => lnoxLigatures[c] ?? c).join("");
  for (const [pattern, repl] of lnoxRules) result = result.replace(pattern, repl);
  return result;
}};
"""


# Words are split as Sphinx splits them, after composing accents typed as two characters.
SPLITTER_JS = """
var splitQuery = (query) =>
  query
    .normalize("NFC")
    .split(/[^\\p{Letter}\\p{Number}_\\p{Emoji_Presentation}]+/gu)
    .filter((term) => term);
"""


class Normalised(SearchLanguage):
    """A Snowball language of Sphinx whose words are normalised before they are stemmed."""

    js_splitter_code = SPLITTER_JS
    js_stemmer_rawcode = ""

    def __init__(self, options: dict[str, str]) -> None:
        super().__init__(options)
        # Stems of the words met so far: Sphinx remembers them for one page only, and Snowball's
        # French stemmer is the larger part of writing the index.
        self._stems: dict[str, str] = {}
        self.stopwords = frozenset(self.stopwords | {fold(w) for w in self.stopwords})
        # The stemmer is embedded here rather than by Sphinx, wrapped in the same normalisation.
        self.js_stemmer_code = "\n".join((
            snowball_js(self.language_name),
            js_normaliser(self.lang),
            f"""
var Stemmer = function () {{
  const snowball = new {self.language_name}Stemmer();
  this.stemWord = (word) => snowball.stemWord(lnoxNormalise(word));
}};
""",
        ))  # fmt: skip

    def split(self, input: str) -> list[str]:
        return super().split(unicodedata.normalize("NFC", input))

    def stem(self, word: str) -> str:
        if word not in self._stems:
            self._stems[word] = super().stem(normalise(word, self.lang))
        return self._stems[word]


class French(Normalised, SearchFrench):
    stopwords = SearchFrench.stopwords | ELIDED


class English(Normalised, SearchEnglish):
    pass


HIGHLIGHT_SCRIPT = "_static/sphinx_highlight.js"


def _highlight_from_search_only(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """Leave Sphinx's highlighting script to page.html, which loads it after a search."""
    if pagename == "search":
        return
    scripts = context["script_files"]
    kept = [js for js in scripts if getattr(js, "filename", js) != HIGHLIGHT_SCRIPT]
    context["script_files"] = kept
    context["lnox_highlight_script"] = len(kept) < len(scripts)


def setup(app: Sphinx) -> None:
    app.add_search_language(French)
    app.add_search_language(English)
    app.connect("html-page-context", _highlight_from_search_only)
