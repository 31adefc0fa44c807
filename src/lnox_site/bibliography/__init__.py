"""The bibliography on the pages: citations and reference lists in the site's style, the
Publications page, a page per team publication, their downloads (BibTeX, RIS, COinS), JSON-LD and
search entries.

Built on sphinxcontrib-bibtex, which parses references.bib once per build; the entries are read
through :mod:`lnox_site.content.references`.

May import: :mod:`lnox_site.content`, :mod:`lnox_site.site`, Sphinx, docutils, pybtex and
sphinxcontrib-bibtex. Never :mod:`lnox_site.checks`, nor news or pages, which import it: what they
know of a publication (the posts about it, a person's entry) they answer through the events of
:mod:`.publication_pages`.
"""
