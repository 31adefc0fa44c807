"""Bibliographies (sphinxcontrib-bibtex) whose connecting words are in the page's language.

pybtex's styles write "and", "In", "PhD thesis", … in English, and so does the author-year citation
style ("Foucault and Picou"). For each language other than English, the configured styles are
replaced, when the build starts, by copies whose templates use that language's words: the names,
titles and fields of the entries are untouched. In every language, BibTeX's "and others" ends the
list of authors with « et al. », as BibTeX itself writes it, where pybtex writes "and others".
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pybtex.plugin
from pybtex.richtext import Tag, Text
from pybtex.style.template import FieldIsMissing, Node, join
from pybtex.style.template import names as pybtex_names
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinxcontrib.bibtex import plugin
from sphinxcontrib.bibtex.style.referencing import PersonStyle

FORMATTING = "pybtex.style.formatting"
REFERENCING = "sphinxcontrib.bibtex.style.referencing"

# The words of pybtex's templates (pybtex/style/formatting/unsrt.py), by language.
WORDS: dict[str, dict[str, str]] = {
    "fr": {
        " and ": " et ",
        ", and ": " et ",
        "In": "Dans",
        "in": "dans",
        "of": "de",
        "PhD thesis": "Thèse de doctorat",
        "Master's thesis": "Mémoire de master",
        "Technical Report": "Rapport technique",
        "editor": "éditeur",
        "editors": "éditeurs",
        "edition": "édition",
        "chapter": "chapitre",
        "Number": "Numéro",
        "number": "numéro",
    },
}


def names_then_et_al(children: list, context: dict, role: str, **kwargs: Any) -> Text:
    """pybtex's ``names`` node, with a last author "others" written « et al. »."""
    try:
        persons = context["entry"].persons[role]
    except KeyError:
        raise FieldIsMissing(role, context["entry"]) from None
    style = context["style"]
    others = len(persons) > 1 and str(persons[-1]) == "others"
    named = [
        style.format_name(p, style.abbreviate_names) for p in persons[: -1 if others else None]
    ]
    text = join(**kwargs)[named].format_data(context)
    return Text(text, " ", Tag("em", "et al.")) if others else text


def translated(node: Any, words: dict[str, str]) -> Any:
    """A copy of a pybtex template with its words replaced; positional arguments (field names,
    such as ``field("number")``) are kept as they are."""
    if isinstance(node, str):
        return words.get(node, node)
    if not isinstance(node, Node):
        return node
    copy = Node(node.name, names_then_et_al if node.f is pybtex_names.f else node.f)
    copy.args = list(node.args)
    copy.kwargs = {key: translated(value, words) for key, value in node.kwargs.items()}
    copy.children = [translated(child, words) for child in node.children]
    return copy


def formatting_style(base: type, words: dict[str, str]) -> type:
    """``base`` (a pybtex style) with every entry template translated."""

    def wrap(method: Any) -> Any:
        return lambda self, entry: translated(method(self, entry), words)

    templates = {
        name: wrap(getattr(base, name))
        for name in dir(base)
        if name.startswith("get_") and name.endswith("_template")
    }
    return type(f"{base.__name__}Translated", (base,), templates)


def referencing_style(base: type, words: dict[str, str]) -> type:
    """``base`` (a sphinxcontrib-bibtex citation style) joining authors with ``words``."""
    person = dataclasses.field(
        default_factory=lambda: PersonStyle(sep2=words[" and "], last_sep=words[", and "])
    )
    return dataclasses.make_dataclass(
        f"{base.__name__}Translated", [("person", PersonStyle, person)], bases=(base,)
    )


def _translate_styles(app: Sphinx, config: Config) -> None:
    words = WORDS.get(config.language, {})
    name = f"{config.bibtex_default_style}-{config.language}"
    base = pybtex.plugin.find_plugin(FORMATTING, config.bibtex_default_style)
    pybtex.plugin.register_plugin(FORMATTING, name, formatting_style(base, words), force=True)
    config.bibtex_default_style = name
    if not words:
        return
    name = f"{config.bibtex_reference_style}-{config.language}"
    base = plugin.find_plugin(REFERENCING, config.bibtex_reference_style)
    plugin.register_plugin(REFERENCING, name, referencing_style(base, words), force=True)
    config.bibtex_reference_style = name


def setup(app: Sphinx) -> None:
    # After conf.py and -D options, before sphinxcontrib-bibtex reads the styles (builder-inited).
    app.connect("config-inited", _translate_styles, priority=800)
