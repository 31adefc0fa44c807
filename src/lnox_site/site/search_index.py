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

from lnox_site.upstream import sphinx as upstream


def _restore_index_entries(app: Sphinx) -> list:
    indexer = upstream.search_indexer(app.builder)
    previous = upstream.previous_search_index(app.builder)
    if indexer is None or previous is None:
        return []  # no search, a clean build, or an index Sphinx refused: every page is fed
    docnames = previous["docnames"]
    restored: dict[str, list[tuple[str, str, str]]] = {}
    for entry, places in previous.get("indexentries", {}).items():
        for index, target, main in places:
            restored.setdefault(docnames[index], []).append((entry, target, "main" if main else ""))
    fed = upstream.index_entries(indexer)  # the pages written in this build
    # The pages the new index lists, in the order of a clean build (pages are fed in name order).
    entries = {
        docname: fed[docname] if docname in fed else sorted(restored[docname])
        for docname in upstream.indexed_pages(indexer)
        if docname in fed or docname in restored
    }
    upstream.set_index_entries(indexer, entries)
    upstream.forget_words_without_pages(indexer)
    return []


def setup(app: Sphinx) -> None:
    # html-collect-pages comes after the pages are written and before the index is.
    app.connect("html-collect-pages", _restore_index_entries)
