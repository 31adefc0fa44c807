"""The search index of an incremental build is the clean build's.

Sphinx 9.0 starts an incremental build's search index from the previous ``searchindex.js``, drops
the pages to write again and feeds them anew. Two things go wrong, both mended here just before
Sphinx writes the new index, until Sphinx mends them itself (``IndexBuilder.load`` and ``prune``):

* the index entries (``indexentries``: the glossary's terms) of the pages not written again are not
  taken back from the previous index, so that after any incremental build the glossary's terms
  vanished from the search until the next clean build
  (https://github.com/sphinx-doc/sphinx/issues/12599);
* a word found only in pages that no longer have it stays in the index with no page.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def _restore_index_entries(app: Sphinx) -> list:
    builder = app.builder
    indexer = getattr(builder, "indexer", None)
    path = builder.outdir / getattr(builder, "searchindex_filename", "")
    if indexer is None or not builder.indexer_dumps_unicode or not path.is_file():
        return []  # no search, or a clean build: every page is fed to the index
    try:
        with path.open(encoding="utf-8") as stream:
            previous = builder.indexer_format.load(stream)
    except ValueError:
        previous = None  # Sphinx has said so (and started a new index)
    if not isinstance(previous, dict) or previous.get("envversion") != indexer._env_version:
        return []  # an index Sphinx itself refused to reuse
    docnames = previous["docnames"]
    restored: dict[str, list[tuple[str, str, str]]] = {}
    for entry, places in previous.get("indexentries", {}).items():
        for index, target, main in places:
            restored.setdefault(docnames[index], []).append((entry, target, "main" if main else ""))
    fed = indexer._index_entries  # the pages written in this build
    # The pages the new index lists, in the order of a clean build (pages are fed in name order).
    indexer._index_entries = {
        docname: fed[docname] if docname in fed else sorted(restored[docname])
        for docname in sorted(indexer._titles)
        if docname in fed or docname in restored
    }
    for words in (indexer._mapping, indexer._title_mapping):
        for word in [word for word, docnames in words.items() if not docnames]:
            del words[word]
    return []


def setup(app: Sphinx) -> None:
    # html-collect-pages comes after the pages are written and before the index is.
    app.connect("html-collect-pages", _restore_index_entries)
