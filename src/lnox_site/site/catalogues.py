"""The translation catalogues are compiled in the build folder, never beside their sources.

Sphinx compiles each ``.po`` of ``locale_dirs`` into a ``.mo`` next to it: inside ``docs/``, which
the live preview watches, so that a build would start the next one. The site's catalogues
(``lnox_locale_dir``, relative to the source folder; ``locale_dirs`` stays empty in ``conf.py``)
are copied into ``<doctrees>/locales`` and Sphinx reads and compiles them there. A copy is written
again only when its catalogue changed: Sphinx then compiles only that catalogue and reads again only
the pages it translates.
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx
from sphinx.config import Config

from lnox_site.upstream import sphinx as upstream

CATALOGUE = "*.po"


def mirror(source: Path, target: Path) -> None:
    """Make the catalogues under ``target`` those of ``source``; a copy whose catalogue is gone goes
    with its compiled ``.mo``."""
    wanted = (
        {po.relative_to(source) for po in source.rglob(CATALOGUE)} if source.is_dir() else set()
    )
    for name in wanted:
        text = (source / name).read_bytes()
        copy = target / name
        if copy.exists() and copy.read_bytes() == text:
            continue
        # Written afresh (modified now, not at the catalogue's time): Sphinx compiles a catalogue
        # when it is newer than its .mo, and a catalogue taken back from git may be older.
        copy.parent.mkdir(parents=True, exist_ok=True)
        copy.write_bytes(text)
    for copy in target.rglob(CATALOGUE) if target.is_dir() else ():
        if copy.relative_to(target) not in wanted:
            copy.unlink()
            copy.with_suffix(".mo").unlink(missing_ok=True)


def _compile_in_build_folder(app: Sphinx, config: Config) -> None:
    target = Path(app.doctreedir) / "locales"
    mirror(Path(app.srcdir) / config.lnox_locale_dir, target)
    config.locale_dirs = [str(target)]
    # Sphinx loaded its interface strings before the extensions, from no catalogue of the site's:
    # load them again, the site's catalogue first so that it overrides Sphinx's own words.
    upstream.reload_interface_strings(app)


def setup(app: Sphinx) -> None:
    app.add_config_value("lnox_locale_dir", "locales", "env", types=frozenset({str}))
    app.connect("config-inited", _compile_in_build_folder, priority=100)
