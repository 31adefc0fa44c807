"""The bibliography on the pages: citations and reference lists in the site's style, the
Publications page, a page per team publication, their downloads (BibTeX, RIS, COinS), JSON-LD and
search entries.

Built on sphinxcontrib-bibtex, which parses references.bib once per build; the entries are read
through :mod:`lnox_site.content.references`.

May import: :mod:`lnox_site.content`, the other rendering packages (news, pages, site), Sphinx,
docutils, pybtex and sphinxcontrib-bibtex. Never :mod:`lnox_site.checks`.
"""
