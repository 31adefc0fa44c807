"""What every page shares: languages and their catalogues, the navigation, Furo's adjustments,
the page's metadata (description, social cards, sitemap), the search, a quiet build log, and
the gate that runs the content checks before a build (:mod:`.content_gate`).

May import: :mod:`lnox_site.content`, the other rendering packages, Sphinx, docutils and Furo;
:mod:`lnox_site.checks` from :mod:`.content_gate` only.
"""
