"""The site's pybtex style: every entry rendered author-year, in the language of the page.

``Kouzi F., Zibara K., … et Hérault O. (2020). Title. Oncogene, 39(6), 1198-1212. doi:10.1038/…``

* all authors, team members in bold (the people of ``docs/_data/people.yaml``), the final ``and others`` of a
  partial list as « et al. »; a work whose authors are not known starts with its title;
* connecting words in the page's language: « et », « Thèse de doctorat », « Résumé de congrès »
  on French pages, "and", "PhD thesis", "Conference abstract" on English ones;
* the DOI as a link.

The Publications page, the reference lists of the theme pages (``{footbibliography}``) and the
structured data all go through this one style, so an entry reads the same everywhere. It is
registered as a pybtex plugin for the language of the build by
:mod:`lnox_site.bibliography.citations`.
"""

from __future__ import annotations

from typing import Any, ClassVar
from urllib.parse import quote

from pybtex.database import Entry, Person
from pybtex.richtext import HRef, Symbol, Tag, Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import BaseStyle
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.names.plain import NameStyle
from pybtex.style.sorting.none import SortingStyle
from pybtex.style.template import (
    FieldIsMissing,
    field,
    first_of,
    join,
    node,
    optional,
    sentence,
    tag,
    words,
)

from lnox_site.content.languages import SOURCE_LANGUAGE
from lnox_site.content.references import authors, kind
from lnox_site.content.team import Signature, signature
from lnox_site.content.wording import N_, _

# The words an entry needs besides its fields.
WORDS = {
    "and": N_("and"),
    "et al.": N_("et al."),
    "issue": N_("no."),
    "thesis": N_("PhD thesis"),
    "abstract": N_("Conference abstract"),
}


def word(name: str, language: str) -> str:
    return _(WORDS[name], language)


def person(who: Person, members: frozenset[Signature]) -> Text:
    """``Hérault O.``: surname, then initials; in bold for a member of the team."""
    surname = Text.from_latex(" ".join(who.prelast_names + who.last_names + who.lineage_names))
    initials = [Text.from_latex(name).abbreviate() for name in who.first_names + who.middle_names]
    text = Text(surname, Symbol("nbsp"), Text(" ").join(initials)) if initials else surname
    return Tag("strong", text) if signature(who) in members else text


@node
def author_list(children: list, context: dict[str, Any]) -> Text:
    """Every named author; « et » before the last, or « et al. » after a partial list."""
    entry, style = context["entry"], context["style"]
    named = authors(entry)
    if not named:
        raise FieldIsMissing("author", entry)
    people = [person(who, style.members) for who in named]
    if len(named) < len(entry.persons["author"]):
        return Text(Text(", ").join(people), " ", style.word("et al."))
    and_ = f" {style.word('and')} "
    return join(sep=", ", sep2=and_, last_sep=and_)[people].format_data(context)


@node
def doi_link(children: list, context: dict[str, Any]) -> Text:
    doi = context["entry"].fields.get("doi")
    if not doi:
        raise FieldIsMissing("doi", context["entry"])
    return Text("doi:", HRef(f"https://doi.org/{quote(doi, safe='/:;()[]<>')}", doi))


class KeyLabels(BaseLabelStyle):
    """Labels are the keys themselves: unique by construction (no duplicate-label warning)."""

    def format_labels(self, sorted_entries: list[Entry]) -> Any:
        return (entry.key for entry in sorted_entries)


class Style(BaseStyle):
    language: ClassVar[str] = SOURCE_LANGUAGE
    members: ClassVar[frozenset[Signature]] = frozenset()
    # Classes rather than plugin names: pybtex then looks nothing up when a style is created,
    # which happens once per {footcite}.
    default_name_style = NameStyle
    default_label_style = KeyLabels
    default_sorting_style = SortingStyle

    # Each formatted entry of the build, by label and key: pybtex takes ~5 ms per entry, and the
    # same entries are cited again and again (twice per citation in a translated page).
    formatted: ClassVar[dict[tuple[str, str], tuple[Entry, FormattedEntry]]]

    def format_entry(self, label: str, entry: Entry, bib_data: Any = None) -> FormattedEntry:
        cached = self.formatted.get((label, entry.key))
        if cached is None or cached[0] is not entry:
            cached = (entry, super().format_entry(label, entry, bib_data))
            self.formatted[label, entry.key] = cached
        return cached[1]

    def word(self, name: str) -> str:
        return word(name, self.language)

    def head(self, entry: Entry) -> Any:
        """``Authors (Year). Title.`` — or ``Title (Year).`` when the authors are not known."""
        year = join["(", field("year"), ")"]
        if authors(entry):
            return words[sentence[words[author_list, year]], sentence[field("title")]]
        return sentence[words[field("title"), year]]

    def volume(self) -> Any:
        """``39(6)``, or ``n° 8-9`` when only the issue is known."""
        return first_of[
            optional[join[field("volume"), optional["(", field("number"), ")"]]],
            optional[words[self.word("issue"), field("number")]],
        ]

    def format(self, entry: Entry, *where: Any) -> Any:
        return words[self.head(entry), sentence[where], optional[doi_link]]

    def get_article_template(self, entry: Entry) -> Any:
        journal = [tag("em")[field("journal")], self.volume(), optional[field("pages")]]
        if kind(entry) == "abstract":
            return self.format(entry, self.word("abstract"), *journal)
        return self.format(entry, *journal)

    def get_phdthesis_template(self, entry: Entry) -> Any:
        return self.format(entry, self.word("thesis"), field("school"))

    def get_misc_template(self, entry: Entry) -> Any:
        return self.format(entry, optional[field("howpublished")])


def style_for(language: str, members: frozenset[Signature]) -> type[Style]:
    """The style of one build: its language and the team's members are fixed for the build."""
    attributes = {"language": language, "members": members, "formatted": {}}
    return type(f"Style_{language}", (Style,), attributes)
