"""Contributors' mistakes in a page stop the build with the file, the line and what is wrong."""

from __future__ import annotations

import pytest
from conftest import build_copy

# page text, the start of the message expected, the line it must point to
CASES = {
    "heading-jump": ("# Titre\n\n### Sous-titre\n", "Non-consecutive header level increase", 3),
    "broken-link": (
        "# Titre\n\nVoir [la page](absente.md).\n",
        "target not found: 'absente.md'",
        3,
    ),
    "unknown-citation": (
        "# Titre\n\n\nVu {cite:p}`clef-inconnue`.\n",
        "clef-inconnue: unknown BibTeX key",
        4,
    ),
}


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES)
def test_bad_page_fails_the_build_with_its_place(project, case):
    text, message, line = CASES[case]
    (project / "docs" / "recherche" / "essai.md").write_text(text, encoding="utf-8")
    index = project / "docs" / "recherche" / "index.md"
    index.write_text(index.read_text() + "\n```{toctree}\n:hidden:\n\nessai\n```\n")
    build = build_copy(project)
    assert build.returncode != 0
    assert any(
        f"essai.md:{line}:" in entry and message in entry for entry in build.log.splitlines()
    ), build.log
