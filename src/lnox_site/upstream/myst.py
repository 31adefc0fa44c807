"""What the site relies on in MyST-Parser beyond its documented configuration.

After an upgrade of MyST-Parser, read each name against the new release's files that it names,
then write the release in ``CHECKED_WITH``.
"""

from __future__ import annotations

import logging

from myst_parser.config.main import MdParserConfig
from sphinx.util import logging as sphinx_logging

TOOL = "myst-parser"  # the distribution, as pip names it
CHECKED_WITH = "5.2.0"


class _WithoutConfiguration(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args if isinstance(record.args, tuple) else ()
        return not any(isinstance(arg, MdParserConfig) for arg in args)


def without_configuration_dump() -> None:
    """MyST prints its whole configuration at every start, as a line of 1,500 characters: the
    message of its logger ``myst_parser.sphinx_ext.main`` whose argument is the
    ``MdParserConfig`` (myst_parser/sphinx_ext/main.py: create_myst_config) is left out."""
    sphinx_logging.getLogger("myst_parser.sphinx_ext.main").logger.addFilter(
        _WithoutConfiguration()
    )
