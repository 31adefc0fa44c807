"""The parts of Furo that the site copies or relies on name the Furo release they come from; when
the installed Furo is another release, these tests list what to compare again (ARCHITECTURE.md,
"Upgrading Furo")."""

from __future__ import annotations

import re
from importlib.metadata import version
from pathlib import Path

import furo
import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT
from furo.navigation import get_navigation_tree

from lnox_site.site.theme import translated_folds

FURO = Path(furo.__file__).parent
# How a copy or a dependency names its origin: "furo 2025.12.19, theme/furo/page.html".
ORIGIN = re.compile(
    r"\bfuro (?P<version>\d{4}\.\d{1,2}\.\d{1,2}), (?P<source>[\w/.-]+\.(?:html|py))"
)


def origins() -> list[tuple[str, str, str]]:
    """(file of the site, Furo release, file of Furo) for each mention of a Furo origin."""
    files = [*sorted((DOCS / "_templates").rglob("*.html")),
             *sorted((ROOT / "src" / "lnox_site").rglob("*.py"))]  # fmt: skip
    found = []
    for path in files:
        for match in ORIGIN.finditer(path.read_text(encoding="utf-8")):
            found.append((path.relative_to(ROOT).as_posix(), match["version"], match["source"]))
    return found


def test_every_template_that_replaces_one_of_furo_names_its_origin():
    templates = DOCS / "_templates"
    replacing = {
        path.relative_to(ROOT).as_posix()
        for path in templates.rglob("*.html")
        if (FURO / "theme" / "furo" / path.relative_to(templates)).is_file()
    }
    assert "docs/_templates/page.html" in replacing
    assert replacing <= {site for site, _, _ in origins()}


@pytest.mark.release_guard
def test_the_copies_come_from_the_installed_furo():
    installed = version("furo")
    stale = [
        f"{site} (from furo {release}: compare it with furo/{source})"
        for site, release, source in origins()
        if release != installed
    ]
    assert not stale, (
        f"Furo is now {installed}. Re-apply the site's changes to Furo's new files, then write "
        f"{installed} in the line that names each one's origin:\n" + "\n".join(stale)
    )


def test_the_named_furo_files_exist():
    missing = [f"{site}: furo/{source}" for site, _, source in origins()
               if not (FURO / source).is_file()]  # fmt: skip
    assert not missing


def test_fold_buttons_are_labelled_in_the_page_language_whatever_furo_wrote():
    # Furo's own tree for a section with a sub-page, labelled by Furo in English.
    toctree = (
        '<ul><li class="toctree-l1"><a class="reference internal" href="recherche/index.html">'
        'Recherche &amp; thèmes</a><ul><li class="toctree-l2"><a class="reference internal" '
        'href="recherche/niche.html">Niche</a></li></ul></li></ul>'
    )
    tree = BeautifulSoup(translated_folds(get_navigation_tree(toctree), "fr"), "html.parser")
    checkboxes = tree.select("input.toctree-checkbox")
    assert [box["aria-label"] for box in checkboxes] == [
        "Afficher ou masquer les pages de la rubrique Recherche & thèmes"
    ]
