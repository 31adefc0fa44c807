"""What the site keeps of each page between builds, the way Sphinx keeps its own (titles, images,
dependencies): an :class:`~sphinx.environment.collectors.EnvironmentCollector` per kind of record,
registered with ``app.add_env_collector``.

A :class:`PageRecords` keeps one record per page in the build environment, which Sphinx pickles
between builds: a page's record is dropped when the page is read again or removed (``clear_doc``),
and the records of pages read by parallel processes are merged into the main environment
(``merge_other``). A subclass fills the records as pages are read (``process_doc``, or a directive
through :meth:`PageRecords.of`) and may ask for pages to be read or written again
(``get_outdated_docs``, ``get_updated_docs``).

A record is pickled with the environment: when its shape changes, change ``ENV_VERSION`` in
:mod:`lnox_site` so that an environment kept by an older version is rebuilt, not read.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any, ClassVar

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.environment.collectors import EnvironmentCollector


class PageRecords(EnvironmentCollector):
    """docname -> one record, kept in the environment under :attr:`name`."""

    name: ClassVar[str]  # the attribute of the environment, ``lnox_…``

    @classmethod
    def of(cls, env: BuildEnvironment) -> dict[str, Any]:
        """The records of every page read so far."""
        return vars(env).setdefault(cls.name, {})

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        self.of(env).pop(docname, None)

    def merge_other(
        self,
        app: Sphinx,
        env: BuildEnvironment,
        docnames: AbstractSet[str],
        other: BuildEnvironment,
    ) -> None:
        theirs = self.of(other)
        self.of(env).update({name: theirs[name] for name in docnames if name in theirs})

    def process_doc(self, app: Sphinx, doctree: nodes.document) -> None:
        """Nothing by default: the records of some collectors are noted by directives."""
