"""How MyST reads the lines of a page: front matter, prose, code, directive bodies.

The content checks look for mistakes in what a page says (a citation, a line that MyST would
take for a comment); none of them may look inside a code block, where the text is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lnox_site.content.frontmatter import FrontMatterError, closing_line

FENCE = re.compile(r"^\s*(`{3,}|~{3,}|:{3,})\s*(.*)$")
CODE_DIRECTIVES = ("{code", "{sourcecode", "{literalinclude")
# Directives whose body is Markdown parsed by MyST, like the page around them (admonitions, the
# glossary's definitions, a diagram's caption). Other directives read their body themselves.
PROSE_DIRECTIVES = {
    "admonition", "attention", "caution", "danger", "diagram", "epigraph", "error", "glossary",
    "hint", "important", "note", "seealso", "sidebar", "tip", "topic", "warning",
}  # fmt: skip

FRONT_MATTER, PROSE, BODY, CODE, OPENING, CLOSING = (
    "front matter", "prose", "directive body", "code", "opening fence", "closing fence"
)  # fmt: skip


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    text: str
    kind: str  # one of the kinds above


def _directive(rest: str) -> str | None:
    """The name in ``{name} argument`` after a fence; None for a plain code block."""
    match = re.match(r"\{([\w:-]+)\}", rest)
    return match.group(1) if match else None


def lines(text: str) -> Iterator[Line]:
    """Every line of a page with what MyST makes of it."""
    all_lines = text.splitlines()
    try:
        end = closing_line(all_lines)
    except FrontMatterError:  # reported by the page's own check
        end = None
    open_fences: list[tuple[str, str]] = []  # (fence, kind of its body), innermost last
    for index, line in enumerate(all_lines):
        number = index + 1
        if end is not None and index <= end:
            yield Line(number, line, FRONT_MATTER)
            continue
        body = open_fences[-1][1] if open_fences else PROSE
        fence = FENCE.match(line)
        if fence:
            marker, rest = fence.groups()
            if open_fences and not rest and marker.startswith(open_fences[-1][0]):
                open_fences.pop()
                yield Line(number, line, CLOSING)
                continue
            if body != CODE:
                name = _directive(rest)
                if name is None or rest.startswith(CODE_DIRECTIVES):
                    kind = CODE
                else:
                    kind = PROSE if name in PROSE_DIRECTIVES else BODY
                open_fences.append((marker, kind))
                yield Line(number, line, OPENING)
                continue
        yield Line(number, line, body)
