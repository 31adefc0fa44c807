"""What the site relies on in docutils beyond its documented interface.

After an upgrade of docutils, read each name against the new release's files that it names, then
write the release in ``CHECKED_WITH``.
"""

from __future__ import annotations

from docutils import nodes

TOOL = "docutils"  # the distribution, as pip names it
CHECKED_WITH = "0.22.4"


def forget_footnote(document: nodes.document, footnote: nodes.footnote) -> None:
    """The footnote is no longer numbered by docutils' ``Footnotes`` transform: removed from
    ``document.autofootnotes`` (docutils/nodes.py: ``document.note_autofootnote`` fills it,
    docutils/transforms/references.py: ``Footnotes.number_footnotes`` reads it)."""
    document.autofootnotes.remove(footnote)
