"""references.bib parsed once per build, and after an edit only the entries whose text changed.

sphinxcontrib-bibtex parses the whole file again whenever its modification time changes, in each
language, and the checks before the build read it too. Here it is read by
:func:`lnox_site.content.references.parsed`, which parses each entry's text once:

* before the checks, the entries of the last build (kept in the environment by
  sphinxcontrib-bibtex) are handed to that reader with the text each was parsed from
  (``lnox_entry_texts``), so that only the entries edited since are parsed again;
* before sphinxcontrib-bibtex looks at the file, it is given the entries so read as its own cache,
  up to date with the file.

That cache is private to sphinxcontrib-bibtex: it is filled through
:mod:`lnox_site.upstream.bibtex`, which names what it relies on. With another release of
sphinxcontrib-bibtex than the one checked, or several BibTeX files, nothing is handed over and
sphinxcontrib-bibtex parses the files itself, as it always did.
"""

from __future__ import annotations

from pathlib import Path

from pybtex.exceptions import PybtexError
from sphinx.application import Sphinx

from lnox_site.content import references
from lnox_site.content.bibfile import scan
from lnox_site.upstream import bibtex

TEXTS = "lnox_entry_texts"  # environment attribute: key -> text of each entry of the cache


def _reuse_the_last_build(app: Sphinx) -> None:
    env = app.env
    entries = bibtex.bibliography(env).entries
    for key, text in getattr(env, TEXTS, {}).items():
        if key in entries:
            references.remember(text, entries[key])


def _hand_over(app: Sphinx) -> None:
    env, encoding = app.env, app.config.bibtex_encoding
    # As builder_inited_cite names them.
    files = [(Path(app.confdir) / name).resolve() for name in app.config.bibtex_bibfiles or ()]
    if not bibtex.cache_outdated(env, files, encoding):
        return
    # Whatever is parsed now, the texts of the last build no longer describe the cache.
    env.__dict__.pop(TEXTS, None)
    if len(files) != 1 or not files[0].is_file():
        return
    path = files[0]
    mtime = bibtex.modified(path)  # before reading: an edit meanwhile is seen at the next build
    text = path.read_text(encoding=encoding)  # as pybtex's Parser.parse_file reads it
    bib = scan(text)
    try:
        data = references.parsed(text, bib)
    except PybtexError:
        return  # sphinxcontrib-bibtex parses it again and reports the mistake its own way
    handed = bibtex.fill_cache(env, path, mtime, data, encoding)
    if handed and not (bib.mistakes or bib.commands):  # else parsed whole, not entry by entry
        setattr(env, TEXTS, {entry.key: entry.text for entry in bib.entries})


def setup(app: Sphinx) -> None:
    # Before the checks (content_gate, priority 100), which read the file too.
    app.connect("builder-inited", _reuse_the_last_build, priority=90)
    # After the checks, before sphinxcontrib-bibtex (default priority 500).
    app.connect("builder-inited", _hand_over, priority=450)
