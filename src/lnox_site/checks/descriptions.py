"""Every page describes itself in whole sentences (:mod:`lnox_site.content.summaries`).

A page's description is its front matter's ``description:`` (its English in the page's catalogue),
or else the opening sentences of its first paragraph, which must then end a sentence within
:data:`~lnox_site.content.summaries.DESCRIPTION_LENGTH` characters, in French and in English. A
page whose description the site writes from data (a research theme's summary, a symposium
edition's facts) needs neither. Each problem names the line to change: the field, the paragraph,
or the English of either in the catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from lnox_site.checks import kept
from lnox_site.content import catalogues, editions, sources, summaries, vocabulary
from lnox_site.content.frontmatter import FrontMatterError, front_matter
from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.content.paths import DOCS, LOCALES
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.summaries import DESCRIPTION_LENGTH, FIELD
from lnox_site.content.wording import N__, __

HOW = N__("a sentence of at most {length} characters that says what the page is about")
ADD = N__('add {field}: "…" to the front matter, {how}')


def _how() -> str:
    return __(HOW).format(length=DESCRIPTION_LENGTH)


def _docname(root: Path, page: Path) -> str:
    return page.relative_to(root / DOCS).with_suffix("").as_posix()


def _described_by_data(root: Path) -> set[str]:
    """Pages whose description the site writes: theme pages, symposium editions."""
    themes = {theme.page for theme in vocabulary.load(root).themes.values()}
    return themes | {_docname(root, path) for path in editions.edition_files(root)}


def _too_long_or_cut(text: str, whose: str) -> str | None:
    """What is wrong with ``text`` as a description (None: nothing)."""
    if len(text) > DESCRIPTION_LENGTH:
        return __(
            "{whose} is {count} characters long, too long for a description (at most {length})"
        ).format(whose=whose, count=len(text), length=DESCRIPTION_LENGTH)
    if not summaries.is_whole(text):
        return __("{whose} does not end with . ! or ? ({end}), as a description must").format(
            whose=whose, end=repr(text[-15:])
        )
    return None


class _Page:
    """One page, its catalogues and the titles of the pages it names."""

    def __init__(self, root: Path, path: Path, text: str) -> None:
        self.root, self.text = root, text
        self.relative = path.relative_to(root).as_posix()
        self.docname = _docname(root, path)

    def catalogue(self, language: str) -> str:
        return f"{LOCALES}/{language}/LC_MESSAGES/{self.docname}.po"

    def translations(self, message: str) -> Iterator[tuple[str, str, int]]:
        """(language, translation, line of its entry) for each catalogue that translates
        ``message``; an untranslated message is reported as such (`nox -s translate`)."""
        for language in LANGUAGES:
            if language != SOURCE_LANGUAGE:
                found = (catalogues.entries(self.root, language, self.docname) or {}).get(message)
                if found and found.current:
                    yield language, found.translation, found.line

    def title_of(self, language: str) -> Callable[[str], str]:
        def title(docname: str) -> str:
            try:
                text = sources.read_text(self.root / DOCS / f"{docname}.md", self.root)
            except (OSError, ContentError):
                return docname
            heading = summaries.title(text, self.root)
            if heading is None:
                return docname
            if language != SOURCE_LANGUAGE:
                english = catalogues.translations(self.root, language, docname)
                translated = english.get(heading.content)
                if translated:
                    heading = summaries.title(f"# {translated}", self.root) or heading
            return summaries.plain_text(heading, docname, lambda name: name)

        return title


def _field_problems(page: _Page, value: str, line: int) -> Iterator[Problem]:
    """A ``description:`` and each of its translations."""
    text = summaries.one_line(value)
    if not text:
        what = __("{field} is empty").format(field=FIELD)
        yield Problem(page.relative, line, what, __("write {how}").format(how=_how()))
        return
    if why := _too_long_or_cut(text, __("the {field}").format(field=FIELD)):
        yield Problem(page.relative, line, why, __("rewrite it as {how}").format(how=_how()))
    for language, translation, entry in page.translations(text):
        whose = __("its {language} translation").format(language=language)
        if why := _too_long_or_cut(translation, whose):
            fix = __("translate it as {how}").format(how=_how())
            yield Problem(page.catalogue(language), entry, why, fix, FIELD)


def _paragraph_problems(page: _Page) -> Iterator[Problem]:
    """The opening sentence of the first paragraph, in each language."""
    paragraph = summaries.first_paragraph(page.text, page.root)
    if paragraph is None:
        return  # the site's own description stands for it
    french = summaries.plain_text(paragraph.inline, page.docname, page.title_of(SOURCE_LANGUAGE))
    first = summaries.sentences(french)[0] if french else ""
    if why := _too_long_or_cut(first, __("the first sentence")):
        add = __(ADD).format(field=FIELD, how=_how())
        yield Problem(page.relative, paragraph.line, why, add)
        return  # the description it needs stands for the translations too
    for language, translation, entry in page.translations(paragraph.message):
        translated = summaries.first_paragraph(translation, page.root)
        if translated is None:
            continue
        text = summaries.plain_text(translated.inline, page.docname, page.title_of(language))
        first = summaries.sentences(text)[0] if text else ""
        whose = __("the first sentence in {language}").format(language=language)
        if why := _too_long_or_cut(first, whose):
            yield Problem(
                page.catalogue(language),
                entry,
                why,
                __(
                    "shorten the translation, or add {field}: to the front matter of "
                    "{page} ({how}) and translate it here"
                ).format(field=FIELD, page=page.relative, how=_how()),
            )


def _page_problems(page: _Page, described: set[str]) -> Iterator[Problem]:
    try:
        fields = front_matter(page.text) or {}
    except FrontMatterError:
        return  # reported by the checks of posts and editions, or by MyST
    given = fields.get(FIELD)
    if given is not None:
        if isinstance(given.value, list):
            what = __("{field} is a list").format(field=FIELD)
            yield Problem(page.relative, given.line, what, __("write {how}").format(how=_how()))
        else:
            yield from _field_problems(page, given.value, given.line)
    elif page.docname not in described:
        yield from _paragraph_problems(page)


def check_descriptions(root: Path) -> Iterator[Problem]:
    described = _described_by_data(root)

    def check(path: Path, text: str) -> Iterator[Problem]:
        try:
            yield from _page_problems(_Page(root, path, text), described)
        except ContentError as error:  # a catalogue that is not UTF-8: the other pages go on
            yield error.problem

    # The pages described by data are given: the list of editions is a folder's, not a file's.
    pages = sources.pages(root)
    yield from kept.current(root).each("descriptions", pages, check, *sorted(described))
