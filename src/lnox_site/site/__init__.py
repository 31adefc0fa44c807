"""What every page shares: languages and their catalogues, the navigation, Furo's adjustments,
the page's metadata (description, social cards, sitemap), the search, a quiet build log, and
the gate that runs the content checks before a build (:mod:`.content_gate`).

May import: :mod:`lnox_site.content`, Sphinx, docutils and Furo; :mod:`lnox_site.checks` from
:mod:`.content_gate` only. Never the other rendering packages, which import it: what they know of
their pages (a description, what a page is, pages without a source) they answer through the events
of :mod:`.descriptions` and :mod:`.sitemaps`.
"""
