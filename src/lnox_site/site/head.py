"""Extra markup for a page's ``<head>``: modules add it from their ``html-page-context`` handlers.

Sphinx's templates print ``metatags`` inside ``<head>``; appending to it needs no template change.
"""

from __future__ import annotations

import json
from typing import Any


def append_head(context: dict[str, Any], markup: str) -> None:
    context["metatags"] = context.get("metatags", "") + markup + "\n"


def prepend_head(context: dict[str, Any], markup: str) -> None:
    """``markup`` before what other modules add: first in ``<head>`` after furo's own tags."""
    context["metatags"] = markup + "\n" + context.get("metatags", "")


def json_ld(data: dict[str, Any]) -> str:
    """A schema.org JSON-LD block; ``</`` is escaped so that no string can close the script."""
    text = json.dumps(data, ensure_ascii=False, indent=1).replace("</", "<\\/")
    return f'<script type="application/ld+json">\n{text}\n</script>'
