"""The YAML front matter that opens a MyST page, read with the line of each field.

A mistake in it is reported with its line (:class:`FrontMatterError`), so that a content check can
say where to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Field:
    """A field's value as written (a string, or a list of strings) and its line."""

    value: str | list[str]
    line: int  # in the file, 1-based


class FrontMatterError(Exception):
    """A mistake in a front matter: its line, what is wrong, how to fix it."""

    def __init__(self, line: int, what: str, fix: str) -> None:
        super().__init__(what)
        self.line, self.what, self.fix = line, what, fix


def closing_line(lines: list[str]) -> int | None:
    """Index of the line that closes the front matter; None when the page has none."""
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in {"---", "..."}:
            return index
    raise FrontMatterError(1, "the front matter is never closed", "end it with a line ---")


def front_matter(text: str) -> dict[str, Field] | None:
    """The fields of the YAML block that opens a page, with their lines; None without one.

    Values are kept as written (strings, or lists of strings): dates are checked here, not
    converted by YAML, so that ``31/31/2025`` gets a message rather than a crash.
    """
    lines = text.splitlines()
    end = closing_line(lines)
    if end is None:
        return None
    try:
        node = yaml.compose("\n".join(lines[1:end]), Loader=yaml.BaseLoader)
    except yaml.MarkedYAMLError as error:
        # The context (e.g. the list left open) is where the mistake is; YAML may only notice it
        # further down, at the problem mark.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 2 if mark else 1
        noticed = error.problem_mark.line + 2 if error.problem_mark else line
        where = f", noticed on line {noticed}" if noticed != line else ""
        raise FrontMatterError(
            line,
            f"the front matter is not valid YAML ({error.problem}{where})",
            "write one `name: value` per line, lists as [a, b], and quote a value that "
            "holds a colon",
        ) from None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(2, "the front matter is not a list of fields", "write `name: value`")
    fields: dict[str, Field] = {}
    for key, value in node.value:
        line = key.start_mark.line + 2
        if key.value in fields:
            raise FrontMatterError(line, f"{key.value} is given twice", "keep one of the two lines")
        if isinstance(value, yaml.SequenceNode):
            fields[key.value] = Field([item.value for item in value.value], line)
        elif isinstance(value, yaml.ScalarNode):
            fields[key.value] = Field(value.value, line)
        else:
            raise FrontMatterError(line, f"{key.value} holds a mapping", "give a value or a list")
    return fields
