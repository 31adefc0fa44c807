"""The news: listings, archives by year and by tag, each post's header and footer, the Atom feeds.

The posts' files (name, front matter) are read by :mod:`lnox_site.content.posts`.

May import: :mod:`lnox_site.content`, :mod:`lnox_site.site`, :mod:`lnox_site.bibliography`,
Sphinx, docutils and feedgen. Never :mod:`lnox_site.checks`, nor :mod:`lnox_site.pages`.
"""
