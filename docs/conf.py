# Configuration of the LNOx website. The logic lives in the ``lnox_site`` package (src/lnox_site).
# Sphinx: https://www.sphinx-doc.org/en/master/usage/configuration.html

# -- Project information -----------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#project-information

project = "LNOx"
author = "Équipe LNOx"
copyright = "Équipe LNOx, Tours"
# What the site says of itself (lnox_site.site.identity): the description of the pages that have
# no paragraph of their own, and the line at the foot of each page's social card (the card shows
# the page's title and `author`, in the brand colours of html_theme_options). Written in French,
# like the pages; the English of these texts and of `author` is in
# docs/locales/en/LC_MESSAGES/conf.po.
lnox_description = (
    "LNOx, équipe de recherche de Tours sur la niche leucémique et le métabolisme oxydatif des "
    "leucémies aiguës myéloïdes."
)
lnox_image_alt = "LNOx, niche leucémique et métabolisme oxydatif, Tours"

# -- General configuration ---------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#general-configuration

extensions = [
    "myst_parser",
    "sphinxcontrib.bibtex",
    "lnox_site",
]
exclude_patterns = ["_build", "locales", "README.md"]
templates_path = ["_templates"]
nitpicky = True

# -- Languages ---------------------------------------------------------------
# French is the source language; English comes from docs/locales/en/LC_MESSAGES/*.po, which
# lnox_site compiles in the build folder rather than beside them (lnox_site.site.catalogues).
# https://www.sphinx-doc.org/en/master/usage/advanced/intl.html

language = "fr"
lnox_locale_dir = "locales"
locale_dirs: list[str] = []
gettext_compact = False
gettext_uuid = False
gettext_location = False

# -- MyST --------------------------------------------------------------------
# https://myst-parser.readthedocs.io/en/latest/configuration.html

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3

# -- Bibliography ------------------------------------------------------------
# https://sphinxcontrib-bibtex.readthedocs.io/en/latest/usage.html#configuration

bibtex_bibfiles = ["../references.bib"]
# The site's own style (lnox_site.bibliography.style and .citations): author-year citations and
# entries with their connecting words in the page's language. Pages cite with {footcite:p} and
# {footcite:t} and end with {footbibliography}; the bibliography lint refuses {cite}.
bibtex_default_style = "lnox"
bibtex_foot_reference_style = "lnox"

# -- HTML output -------------------------------------------------------------
# https://www.sphinx-doc.org/en/master/usage/configuration.html#options-for-html-output
# Furo: https://pradyunsg.me/furo/customisation/

html_theme = "furo"
html_title = "LNOx"
html_favicon = "_static/favicon.svg"
html_static_path = ["_static"]
html_css_files = ["lnox.css"]
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None
# No general index: the glossary is the site's index of terms, and no page links to genindex.html.
html_use_index = False
# Colours with a contrast of at least 7:1 (WCAG AAA) on furo's backgrounds, in both schemes; the
# accent is the team's red (favicon). Checked on every page by the axe-core tests.
html_theme_options = {
    "light_css_variables": {
        "color-brand-primary": "#8c1c2b",
        "color-brand-content": "#1e40af",
        "color-foreground-secondary": "#474a50",
        "color-foreground-muted": "#4b4e55",
    },
    "dark_css_variables": {
        "color-brand-primary": "#ffb3bd",
        "color-brand-content": "#99c7ff",
        "color-foreground-secondary": "#b0b4ba",
        "color-foreground-muted": "#a9adb3",
    },
}
html_sidebars = {
    "**": [
        "sidebar/brand.html",
        "sidebar/languages.html",
        "sidebar/search.html",
        "sidebar/scroll-start.html",
        "sidebar/navigation.html",
        "sidebar/scroll-end.html",
    ]
}
# lnox_site_url: the public address of the site (default https://lnox.example.org/), each language
# under it (lnox_site.site.i18n); $LNOX_SITE_URL overrides it when set, as the deployment does.
