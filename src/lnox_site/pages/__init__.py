"""Pages made from data: the Team page and the team's history, the symposium's editions, the
research themes' cards, the explanatory diagrams.

Each module holds the directives of one page and renders the records that
:mod:`lnox_site.content` reads.

May import: :mod:`lnox_site.content`, :mod:`lnox_site.site`, :mod:`lnox_site.bibliography`,
Sphinx and docutils. Never :mod:`lnox_site.checks`, nor :mod:`lnox_site.news`.
"""
