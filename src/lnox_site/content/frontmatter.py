"""The YAML front matter that opens a MyST page, read with the line of each field.

Two views of the same block: :func:`front_matter` keeps each value as written (a news post's
fields are checked one by one, as text), :func:`read` converts them (a symposium edition's fields
are records, :mod:`lnox_site.content.records`). Both parse with the site's one YAML loader, and a
mistake is reported with its line, so that a content check can say where to fix it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from lnox_site.content import records, sources
from lnox_site.content.problems import ContentError, Problem
from lnox_site.content.wording import __


@dataclass(frozen=True)
class Value:
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
    raise FrontMatterError(1, __("the front matter is never closed"), __("end it with a line ---"))


def front_matter(text: str) -> dict[str, Value] | None:
    """The fields of the YAML block that opens a page, with their lines; None without one.

    Values are kept as written (strings, or lists of strings): dates are checked here, not
    converted by YAML, so that ``31/31/2025`` gets a message rather than a crash.
    """
    lines = text.splitlines()
    end = closing_line(lines)
    if end is None:
        return None
    try:
        block = "\n".join(lines[1:end])
        node = records.parse(lambda loader: yaml.compose(block, Loader=loader))
    except yaml.MarkedYAMLError as error:
        # The context (e.g. the list left open) is where the mistake is; YAML may only notice it
        # further down, at the problem mark.
        mark = error.context_mark or error.problem_mark
        line = mark.line + 2 if mark else 1
        noticed = error.problem_mark.line + 2 if error.problem_mark else line
        where = __(", noticed on line {line}").format(line=noticed) if noticed != line else ""
        raise FrontMatterError(
            line,
            __("the front matter is not valid YAML ({problem}{where})").format(
                problem=error.problem, where=where
            ),
            __(
                "write one `name: value` per line, lists as [a, b], and quote a value that "
                "holds a colon"
            ),
        ) from None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        raise FrontMatterError(
            2, __("the front matter is not a list of fields"), __("write `name: value`")
        )
    fields: dict[str, Value] = {}
    for key, value in node.value:
        line = key.start_mark.line + 2
        if key.value in fields:
            raise FrontMatterError(
                line, __("{field} is given twice").format(field=key.value),
                __("keep one of the two lines"),
            )  # fmt: skip
        if isinstance(value, yaml.SequenceNode):
            fields[key.value] = Value([item.value for item in value.value], line)
        elif isinstance(value, yaml.ScalarNode):
            fields[key.value] = Value(value.value, line)
        else:
            raise FrontMatterError(
                line, __("{field} holds a mapping").format(field=key.value),
                __("give a value or a list"),
            )  # fmt: skip
    return fields


def read(root: Path, path: str) -> tuple[records.Fields | None, list[Problem]]:
    """The front matter of the page ``path`` (relative to ``root``) as a record: values converted
    by YAML, each with its line; None when the page has none."""
    try:
        lines = sources.read_text(root / path, root).splitlines()
        end = closing_line(lines)
    except ContentError as error:
        return None, [error.problem]
    except FrontMatterError as error:
        return None, [Problem(path, error.line, error.what, error.fix)]
    if end is None:
        return None, []
    data, problems = records.load_yaml("\n".join(lines[1:end]), path, first_line=2)
    if problems or isinstance(data, records.Fields):
        return data, problems
    what = __("the front matter is not a list of fields")
    return None, [Problem(path, 2, what, __(records.YAML_FIX))]
