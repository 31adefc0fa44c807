"""An English page never shows French silently.

Sphinx keeps the French of a block whose message has no current translation in the page's
catalogue (a sentence changed since it was translated, a new paragraph). In every language but
French, before Sphinx translates the page, each such block is:

* reported as a warning on its line of the French page, with the words of ``nox -s check``
  (:mod:`lnox_site.checks.untranslated`): the published build (``-W``) fails;
* marked as French (``lang="fr"``, which screen readers and search engines follow), and the page
  says at its top, in its language, that its translation is in progress: the preview
  (``nox -s serve -- en``) shows the page while its English is being written.

A page with such blocks is read again at every build, so that its warnings are never lost to an
incremental build that has nothing else to read.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from lnox_site.content import catalogues
from lnox_site.content.languages import SOURCE_LANGUAGE
from lnox_site.content.messages import Message, domain, problem, untranslated
from lnox_site.content.paths import root_of
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.wording import _
from lnox_site.site.collectors import PageRecords
from lnox_site.upstream.sphinx import extract_messages, traverse_parent

logger = logging.getLogger(__name__)
# docutils writes a class language-<code> as the element's lang attribute.
IN_FRENCH = f"language-{SOURCE_LANGUAGE}"


class MarkUntranslated(SphinxTransform):
    """Reports and marks the blocks that Sphinx's ``Locale`` transform will leave in French."""

    default_priority = 19  # just before sphinx.transforms.i18n.Locale

    def apply(self, **kwargs: object) -> None:
        if self.config.language == SOURCE_LANGUAGE:
            return
        docname = self.env.docname
        root, page = root_of(self.env.srcdir), Path(self.env.doc2path(docname))
        try:
            pairs = untranslated(root, page, self.config.language)
            found = {message.text: reported for message, reported in pairs}
        except (ContentError, UnicodeDecodeError, OSError, ValueError):
            return  # reported by the content checks
        left = []
        for node, text in extract_messages(self.document):
            reported = found.get(text) or self._unseen(root, page, node, text)
            if reported is not None:
                left.append(reported)
                _mark(node)
        if not left:
            return
        Pending.of(self.env)[docname] = True
        for reported in dict.fromkeys(left):
            logger.warning(
                reported.message,
                location=(docname, reported.line), type="lnox", subtype="untranslated",
            )  # fmt: skip
        self._announce()

    def _unseen(self, root: Path, page: Path, node: nodes.Element, text: str) -> Problem | None:
        """The problem of a message that the content checks do not read (a construct they do not
        know), when the catalogue has no current translation of it."""
        name = domain(root, page)
        known = catalogues.entries(root, self.config.language, name) or {}
        entry = known.get(text)
        if (entry is not None and entry.current) or not _shown(node):
            return None
        catalogue = catalogues.path(root, self.config.language, name).relative_to(root)
        where = page.relative_to(root).as_posix()
        message = Message(text, node.line or 0, "label")
        return problem(where, message, catalogue.as_posix(), self.config.language, entry)

    def _announce(self) -> None:
        """A note at the top of the page, under its title, that some of it is still in French."""
        note = nodes.admonition(
            "",
            nodes.title("", _("Translation in progress", self.config.language)),
            nodes.paragraph(
                "",
                _(
                    "Parts of this page are not translated yet: they are in French.",
                    self.config.language,
                ),
            ),
            classes=["lnox-translation-in-progress", "warning"],
        )
        section = next(iter(self.document.findall(nodes.section)), None)
        if section is None:
            self.document.insert(0, note)
        else:
            section.insert(1 if section and isinstance(section[0], nodes.title) else 0, note)


def _shown(node: nodes.Element) -> bool:
    """Whether a message's node is text of the page: not the front matter (a field list, which
    docutils makes the page's docinfo after this transform and Sphinx then takes out of the page,
    so that it is never extracted into the catalogue), nor a toctree's own words."""
    if isinstance(node, addnodes.toctree):
        return False
    front_matter = (nodes.field_list, nodes.docinfo)
    return not any(isinstance(parent, front_matter) for parent in traverse_parent(node))


def _mark(node: nodes.Element) -> None:
    """Mark a block as French. A heading's words are marked rather than the heading itself, so
    that the tables of contents, which copy its words, show them as French too."""
    if isinstance(node, nodes.title):
        words = nodes.inline("", "", *node.children, classes=[IN_FRENCH])
        node.children = []
        node += words
    else:
        node["classes"].append(IN_FRENCH)


class Pending(PageRecords):
    """The pages with French blocks (docname -> True), read again at each build."""

    name = "lnox_untranslated"

    def get_outdated_docs(
        self, app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
        removed: set[str],
    ) -> list[str]:  # fmt: skip
        return sorted(self.of(env).keys() - removed - added - changed)


def setup(app: Sphinx) -> None:
    app.add_transform(MarkUntranslated)
    app.add_env_collector(Pending)
