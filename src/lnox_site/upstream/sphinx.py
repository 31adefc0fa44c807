"""What the site relies on in Sphinx beyond its documented extension interface.

Each name says what it relies on; after an upgrade of Sphinx, read each against the new release's
files that it names, then write the release in ``CHECKED_WITH``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sphinx
from docutils import nodes
from jinja2 import FileSystemBytecodeCache
from sphinx import locale
from sphinx.application import Sphinx
from sphinx.builders.html import StandaloneHTMLBuilder
from sphinx.config import Config
from sphinx.environment import BuildEnvironment
from sphinx.environment.adapters.toctree import global_toctree_for_doc
from sphinx.events import EventListener
from sphinx.jinja2glue import BuiltinTemplateLoader
from sphinx.search import IndexBuilder
from sphinx.util import logging
from sphinx.util.nodes import extract_messages, traverse_parent
from sphinx.util.tags import Tags

TOOL = "sphinx"  # the distribution, as pip names it
CHECKED_WITH = "9.0.4"

# sphinx/util/nodes.py: the messages of a doctree as the gettext builder and the Locale transform
# extract them, and a node's ancestors of a class (not in Sphinx's documented API).
__all__ = ["extract_messages", "traverse_parent"]

# The default template loader (sphinx/jinja2glue.py), whose ``render`` a ``template_bridge`` of
# the site extends: ``render(template, context) -> str``.
TemplateLoader = BuiltinTemplateLoader


def cache_compiled_templates(loader: BuiltinTemplateLoader, folder: Path) -> None:
    """Keep the compiled code of the templates that ``loader`` renders in ``folder``, between
    builds (Jinja's bytecode cache, which compiles a template again when its source changed):
    the Jinja environment that ``BuiltinTemplateLoader.init`` makes, ``loader.environment``
    (sphinx/jinja2glue.py)."""
    folder.mkdir(parents=True, exist_ok=True)
    loader.environment.bytecode_cache = FileSystemBytecodeCache(str(folder))


# The priority Sphinx gives the style sheets of ``html_css_files`` when the builder starts
# (sphinx/builders/html/__init__.py: init_css_files).
USER_CSS_PRIORITY = 800


def reload_interface_strings(app: Sphinx) -> None:
    """Read Sphinx's interface strings again, from the ``locale_dirs`` as they are now: the
    private ``Sphinx._init_i18n`` (sphinx/application.py), and the translator it caches under
    ``("general", "sphinx")`` in ``sphinx.locale.translators``, dropped first so that the site's
    catalogue comes before Sphinx's own."""
    locale.translators.pop(("general", "sphinx"), None)
    # (Sphinx said "loading translations" already.)
    with logging.suppress_logging():
        app._init_i18n()


def listeners(app: Sphinx, event: str) -> list[EventListener]:
    """The handlers connected to ``event``, each with its ``id`` (for ``app.disconnect``),
    ``handler`` and ``priority``: ``app.events.listeners`` (sphinx/events.py)."""
    return list(app.events.listeners[event])


def read_config(confdir: Path) -> Config:
    """A project's configuration read as ``sphinx-build`` reads it, without a build:
    ``Config.read`` (sphinx/config.py)."""
    return Config.read(confdir.resolve(), overrides={}, tags=Tags())


def wrap_build(before: Callable[[Sphinx], None]) -> None:
    """``before(app)`` runs as ``app.build()`` starts, in this process (where Sphinx builds
    once): ``Sphinx.build`` replaced (sphinx/application.py; ``sphinx.cmd.build`` calls it)."""
    build = Sphinx.build

    def observed(app: Sphinx, *args: Any, **kwargs: Any) -> None:
        before(app)
        build(app, *args, **kwargs)

    Sphinx.build = observed


def after_pages_written(app: Sphinx, then: Callable[[], None]) -> None:
    """``then()`` once the builder has written the pages of this build, before the search index
    and the ``build-finished`` handlers: ``Builder.write_documents`` wrapped
    (sphinx/builders/__init__.py, called by ``Builder.write``)."""
    write_documents = app.builder.write_documents

    def written(docnames: Any) -> None:
        write_documents(docnames)
        then()

    app.builder.write_documents = written


def file_dependencies(env: BuildEnvironment, docname: str) -> set[Path]:
    """The files a page depends on, which Sphinx compares to read it again: the undocumented
    ``env.dependencies`` (sphinx/environment/__init__.py; ``note_dependency`` adds to it)."""
    return env.dependencies.get(docname, set())


def tie_to_page(doctree: nodes.document) -> None:
    """Each node of the page's doctree bound to it. Sphinx's Locale transform
    (sphinx/transforms/i18n.py) parses each translated message as a small document of its own, and
    the translated nodes keep docutils' ``node.document`` link to it."""
    for node in doctree.findall():
        if node.document is not doctree:
            node.document = doctree


def global_tree_html(app: Sphinx, docname: str, **options: Any) -> str:
    """The site's whole toctree for ``docname`` as HTML, made as the HTML builder's
    ``toctree()`` template function makes it (sphinx/builders/html/__init__.py:
    ``_get_local_toctree``, with ``global_toctree_for_doc`` and ``render_partial``)."""
    tree = global_toctree_for_doc(app.env, docname, app.builder, tags=app.builder.tags, **options)
    return app.builder.render_partial(tree)["fragment"]


def page_html(builder: StandaloneHTMLBuilder, pagename: str, document: nodes.document) -> str:
    """The body of a page that has no source, as HTML, written the way ``write_doc`` writes a
    document's (sphinx/builders/html/__init__.py: ``docsettings``, ``current_docname``,
    ``secnumbers``, ``fignumbers``, ``create_translator``, the translator's ``fragment``)."""
    document.settings = builder.docsettings
    builder.current_docname = pagename
    builder.secnumbers, builder.fignumbers = {}, {}
    translator = builder.create_translator(document, builder)
    document.walkabout(translator)
    return "".join(translator.fragment)


def site_digest(builder: StandaloneHTMLBuilder) -> str:
    """What makes Sphinx write every page again: the hashes of its configuration and tags
    (``builder.build_info``, sphinx/builders/html/_build_info.py: ``BuildInfo``) and the newest template."""
    info = builder.build_info
    templates = builder.templates.newest_template_mtime() if builder.templates else 0
    return f"{info.config_hash} {info.tags_hash} {templates}"


def snowball_js(name: str) -> str:
    """Sphinx's minified Snowball stemmer of a language, the code it would embed itself: the
    files ``search/minified-js/base-stemmer.js`` and ``<name>-stemmer.js`` of its package."""
    folder = Path(sphinx.package_dir, "search", "minified-js")
    files = ("base-stemmer.js", f"{name.lower()}-stemmer.js")
    return "\n".join((folder / file).read_text(encoding="utf-8") for file in files)


# The search index, built by sphinx/search/__init__.py (IndexBuilder) and written by
# sphinx/builders/html/__init__.py (``indexer``, ``indexer_format``, ``indexer_dumps_unicode``,
# ``searchindex_filename``).


def search_indexer(builder: Any) -> IndexBuilder | None:
    """The builder's search index being built; None for a build without search."""
    return getattr(builder, "indexer", None)


def previous_search_index(builder: StandaloneHTMLBuilder) -> dict[str, Any] | None:
    """The search index the last build wrote, as the indexer loads it (``IndexBuilder.load``);
    None on a clean build and when Sphinx itself refused to reuse it (unreadable, or written by
    another version of the environment)."""
    indexer = search_indexer(builder)
    path = builder.outdir / getattr(builder, "searchindex_filename", "")
    if indexer is None or not builder.indexer_dumps_unicode or not path.is_file():
        return None
    try:
        with path.open(encoding="utf-8") as stream:
            previous = builder.indexer_format.load(stream)
    except ValueError:
        return None  # Sphinx has said so (and started a new index)
    if not isinstance(previous, dict) or previous.get("envversion") != indexer._env_version:
        return None
    return previous


def index_entries(indexer: IndexBuilder) -> dict[str, list[tuple[str, str, str]]]:
    """docname -> the index entries (glossary terms…) the index gives the page, in the order it
    writes them: the private ``IndexBuilder._index_entries``."""
    return indexer._index_entries


def set_index_entries(
    indexer: IndexBuilder, entries: dict[str, list[tuple[str, str, str]]]
) -> None:
    indexer._index_entries = entries


def indexed_pages(indexer: IndexBuilder) -> list[str]:
    """The pages the index lists, in name order: the private ``IndexBuilder._titles``."""
    return sorted(indexer._titles)


def forget_words_without_pages(indexer: IndexBuilder) -> None:
    """Drop the words (of the text and of the titles) that no page has any more: the private
    ``IndexBuilder._mapping`` and ``_title_mapping``, word -> pages."""
    for words in (indexer._mapping, indexer._title_mapping):
        for word in [word for word, docnames in words.items() if not docnames]:
            del words[word]


def feed_index(builder: Any, pagename: str, title: str, document: nodes.document) -> None:
    """Give the search index a page that has no source: ``IndexBuilder.feed``, as
    ``StandaloneHTMLBuilder.index_page`` calls it (with no file name)."""
    indexer = search_indexer(builder)
    if indexer is not None:
        indexer.feed(pagename, "", title, document)


def keep_in_index(builder: Any, pagenames: set[str]) -> None:
    """Keep these pages in the index that Sphinx prunes, as it writes it, to the documents:
    ``IndexBuilder.prune`` wrapped (called by ``StandaloneHTMLBuilder.dump_search_index``)."""
    indexer = search_indexer(builder)
    if indexer is None:
        return
    prune = indexer.prune
    indexer.prune = lambda docnames: prune({*docnames, *pagenames})
