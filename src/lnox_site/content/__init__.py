"""Reading the project's files: pages' front matter, YAML data, references.bib, SVG diagrams.

Owns the project's paths (:mod:`.paths`), its languages (:mod:`.languages`), the reading of every
file as UTF-8 (:mod:`.sources`), one YAML reader that keeps the line of every value
(:mod:`.records`), the BibTeX scanner with lines (:mod:`.bibfile`) and pybtex's view of the entries
(:mod:`.references`), and the records built from them (people, posts, editions, the team, themes).
Readers report mistakes as :class:`.problems.Problem` objects with file, line and fix.

Also what a contribution may bring, read as untrusted: pages' tokens (:mod:`.markdown`), the SVG
of diagrams (:mod:`.drawing`), raw HTML (:mod:`.rawhtml`) and images (:mod:`.images`).

May import: the standard library, PyYAML, pybtex, Babel, MyST's markdown-it setup (which needs no
Sphinx), defusedxml, nh3, Pillow, and this package. Never Sphinx: the checks and the commands use
these readers without starting Sphinx.
"""
