"""What the preview relies on in sphinx-autobuild, which has no interface for how it builds.

``python -m lnox_site.preview`` runs sphinx-autobuild's own command with its builder and its
watcher replaced by name (sphinx_autobuild/__main__.py: ``Builder``, ``RebuildServer``). After an
upgrade of sphinx-autobuild, read each name against the new release's files that it names (and
``tests/test_preview.py`` runs a real preview), then write the release in ``CHECKED_WITH``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from pathlib import Path

import watchfiles
from sphinx_autobuild import __main__ as command
from sphinx_autobuild.build import Builder as _Builder
from sphinx_autobuild.server import RebuildServer
from sphinx_autobuild.utils import show_message

TOOL = "sphinx-autobuild"  # the distribution, as pip names it
CHECKED_WITH = "2025.8.25"

# sphinx_autobuild/utils.py: how sphinx-autobuild prints its messages ("[sphinx-autobuild] …").
__all__ = ["show_message"]


class Builder(_Builder):
    """sphinx-autobuild's builder (sphinx_autobuild/build.py), made by its command with the
    arguments of ``sphinx-build`` and the address it serves, and called with
    ``changed_paths=`` on each change; a subclass replaces ``__call__``."""

    def sphinx_arguments(self) -> list[str]:
        """The arguments of ``sphinx-build``: ``Builder.sphinx_args``."""
        return list(self.sphinx_args)

    def address(self) -> str:
        """Where the preview is served: ``Builder.uri``."""
        return self.uri


class InProcessWatch(RebuildServer):
    """sphinx-autobuild's watcher (sphinx_autobuild/server.py: ``RebuildServer.watch``), calling
    the builder in a thread of this process rather than in a new process per save: a copy of its
    loop (``paths``, ``ignore``, ``change_callback``, ``flag``) without the process pool."""

    async def watch(self) -> None:
        async for changes in watchfiles.awatch(
            *self.paths, watch_filter=lambda _, path: not self.ignore(path)
        ):
            changed = [Path(path).resolve() for (_, path) in changes]
            await asyncio.to_thread(self.change_callback, changed_paths=changed)
            self.flag.set()


def run(arguments: Sequence[str], builder: Callable[..., Builder] | None = None) -> None:
    """sphinx-autobuild's command with these arguments; with ``builder``, that builder and
    :class:`InProcessWatch` in place of its own, replaced by name in its ``__main__``."""
    if builder is not None:
        command.Builder = builder
        command.RebuildServer = InProcessWatch
    command.main(list(arguments))
