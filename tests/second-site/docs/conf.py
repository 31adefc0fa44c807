# A made-up site under other names, built with the site's extension (tests/test_second_site.py).

project = "Exemple"
author = "Équipe Exemple"
copyright = "Équipe Exemple"
lnox_description = "Exemple, une équipe imaginaire qui éprouve le moteur du site."
lnox_image_alt = "Exemple, équipe imaginaire"

extensions = ["myst_parser", "sphinxcontrib.bibtex", "lnox_site"]
exclude_patterns = ["_build", "locales", "README.md"]
templates_path = ["_templates"]
nitpicky = True

language = "fr"
lnox_locale_dir = "locales"
locale_dirs: list[str] = []
gettext_compact = False

myst_enable_extensions = ["colon_fence"]
bibtex_bibfiles = ["../references.bib"]
bibtex_default_style = "lnox"
bibtex_foot_reference_style = "lnox"

html_theme = "furo"
html_title = "Exemple"
html_static_path = ["_static"]
html_css_files = ["lnox.css"]
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
