"""The catalogues are compiled from copies in the build folder; what the guides say about them."""

from __future__ import annotations

import gettext
import os
import subprocess
import sys

import pytest
from conftest import DOCS
from sphinx.util.i18n import CatalogInfo

from lnox_site.site.catalogues import mirror

HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=utf-8\\n"\n'


def test_mirror_copies_changed_catalogues_and_drops_removed_ones(tmp_path):
    source, target = tmp_path / "locales", tmp_path / "build" / "locales"
    page = source / "en" / "LC_MESSAGES" / "page.po"
    other = source / "en" / "LC_MESSAGES" / "dossier" / "autre.po"
    for po in (page, other):
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_text(HEADER, encoding="utf-8")
    mirror(source, target)
    copy = target / page.relative_to(source)
    assert copy.read_text(encoding="utf-8") == HEADER
    assert (target / other.relative_to(source)).exists()

    # An unchanged catalogue is left alone (Sphinx would compile it and reread its page again).
    os.utime(copy, ns=(1, 1))
    mirror(source, target)
    assert copy.stat().st_mtime_ns == 1

    # A changed catalogue is copied, newer than its .mo even if the source is older.
    compiled = copy.with_suffix(".mo")
    compiled.write_bytes(b"")
    page.write_text(HEADER + '\nmsgid "Bonjour"\nmsgstr "Hello"\n', encoding="utf-8")
    os.utime(page, ns=(0, 0))
    mirror(source, target)
    assert "Hello" in copy.read_text(encoding="utf-8")
    assert copy.stat().st_mtime_ns > compiled.stat().st_mtime_ns

    # A removed catalogue goes, with what was compiled from it.
    page.unlink()
    mirror(source, target)
    assert not copy.exists()
    assert not compiled.exists()
    assert (target / other.relative_to(source)).exists()
    assert not list(source.rglob("*.mo"))


def test_a_fuzzy_header_does_not_hide_a_catalogue(tmp_path):
    """sphinx-intl creates each catalogue with `#, fuzzy` above its header: the guides say it may
    stay, because only the entries marked fuzzy are left out of the compiled catalogue."""
    folder = tmp_path / "en" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "page.po").write_text(
        "#, fuzzy\n"
        + HEADER
        + '\nmsgid "Bonjour"\nmsgstr "Hello"\n'
        + '\n#, fuzzy\nmsgid "Au revoir"\nmsgstr "Goodbye"\n',
        encoding="utf-8",
    )
    CatalogInfo(folder, "page", "utf-8").write_mo("en")
    translation = gettext.translation("page", tmp_path, ["en"])
    assert translation.gettext("Bonjour") == "Hello"
    assert translation.gettext("Au revoir") == "Au revoir"


@pytest.mark.slow
def test_the_catalogue_templates_are_built_as_nox_s_translate_builds_them(tmp_path):
    """`nox -s translate` extracts the messages with Sphinx's gettext builder: the site's extension
    (which sets the HTML theme up early) must not refuse a build that is not HTML."""
    result = subprocess.run(
        [sys.executable, "-m", "sphinx", "build", "-q", "-b", "gettext", str(DOCS), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    # One template per French page, with the page's own words (here, its title).
    page = DOCS / "symposium" / "index.md"
    title = page.read_text(encoding="utf-8").splitlines()[0].removeprefix("# ")
    template = (tmp_path / "symposium" / "index.pot").read_text(encoding="utf-8")
    assert f'msgid "{title}"' in template
