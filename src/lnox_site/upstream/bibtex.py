"""What the site relies on in sphinxcontrib-bibtex beyond its documented interface (its
configuration, its roles and directives, its plugins of styles).

After an upgrade of sphinxcontrib-bibtex, read each name against the new release's files that it
names, then write the release in ``CHECKED_WITH``. With another release installed, the cache is
not filled (:func:`fill_cache`): sphinxcontrib-bibtex parses the file itself, as it always did.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from pybtex.database import BibliographyData
from sphinx.environment import BuildEnvironment
from sphinxcontrib.bibtex import bibfile

TOOL = "sphinxcontrib-bibtex"  # the distribution, as pip names it
CHECKED_WITH = "2.7.0"


def bibliography(env: BuildEnvironment) -> BibliographyData:
    """The entries of the build's BibTeX files as sphinxcontrib-bibtex parsed them: the ``cite``
    domain's ``bibdata.data`` (sphinxcontrib/bibtex/domain.py, bibfile.py: ``BibData``)."""
    return env.get_domain("cite").bibdata.data


def bib_files(env: BuildEnvironment) -> list[Path]:
    """The build's BibTeX files, as sphinxcontrib-bibtex resolved them (``BibData.bibfiles``); it
    records each as a dependency of every page with a bibliography."""
    return list(env.get_domain("cite").bibdata.bibfiles)


def cache_outdated(env: BuildEnvironment, files: list[Path], encoding: str) -> bool:
    """Whether sphinxcontrib-bibtex will parse the files again as the builder starts: its
    private ``bibfile.is_bibdata_outdated``, called by ``builder_inited_cite``
    (sphinxcontrib/bibtex/__init__.py, at the default priority)."""
    return bibfile.is_bibdata_outdated(env.get_domain("cite").bibdata, files, encoding)


def modified(path: Path) -> float:
    """The modification time sphinxcontrib-bibtex keeps for a file: ``bibfile.get_mtime``."""
    return bibfile.get_mtime(path)


def fill_cache(
    env: BuildEnvironment, path: Path, mtime: float, data: BibliographyData, encoding: str
) -> bool:
    """Give sphinxcontrib-bibtex the entries of its one file ``path``, parsed already, as its own
    cache, which it then does not parse again: the domain's ``data["bibdata"]``, a
    ``bibfile.BibData`` of one ``bibfile.BibFile`` (sphinxcontrib/bibtex/bibfile.py,
    domain.py). False, and nothing given, with another release than ``CHECKED_WITH``."""
    if version(TOOL) != CHECKED_WITH:
        return False
    keys = dict.fromkeys(data.entries.keys())
    env.get_domain("cite").data["bibdata"] = bibfile.BibData(
        encoding=encoding, bibfiles={path: bibfile.BibFile(mtime=mtime, keys=keys)}, data=data
    )
    return True
