"""The sidebar's navigation tree, made once per folder: on every page, exactly furo's own."""

from __future__ import annotations

import pytest
from conftest import DOCS, LANGUAGES, run_build
from furo.navigation import get_navigation_tree

from lnox_site.site.navigation import template

# Sphinx's tree for a page of the folder "recherche" that is in no toctree.
UNLISTED_TREE = """<ul>
<li class="toctree-l1"><a class="reference internal" href="../index.html">Accueil</a></li>
<li class="toctree-l1"><a class="reference internal" href="index.html">Recherche</a><ul>
<li class="toctree-l2"><a class="reference internal" href="niche.html">Niche</a></li>
<li class="toctree-l2"><a class="reference internal" href="lipides.html">Lipides</a></li>
</ul>
</li>
<li class="toctree-l1"><a class="reference external" href="https://example.org/">Ailleurs</a></li>
</ul>
"""
# What Sphinx writes for recherche/niche: the page, its section and their lists are current.
NICHE_TREE = """<ul class="current">
<li class="toctree-l1"><a class="reference internal" href="../index.html">Accueil</a></li>
<li class="toctree-l1 current"><a class="reference internal" href="index.html">Recherche</a><ul class="current">
<li class="toctree-l2 current"><a class="current reference internal" href="#">Niche</a></li>
<li class="toctree-l2"><a class="reference internal" href="lipides.html">Lipides</a></li>
</ul>
</li>
<li class="toctree-l1"><a class="reference external" href="https://example.org/">Ailleurs</a></li>
</ul>
"""
# What Sphinx writes for recherche/index: the section's own list is not current.
SECTION_TREE = """<ul class="current">
<li class="toctree-l1"><a class="reference internal" href="../index.html">Accueil</a></li>
<li class="toctree-l1 current"><a class="current reference internal" href="#">Recherche</a><ul>
<li class="toctree-l2"><a class="reference internal" href="niche.html">Niche</a></li>
<li class="toctree-l2"><a class="reference internal" href="lipides.html">Lipides</a></li>
</ul>
</li>
<li class="toctree-l1"><a class="reference external" href="https://example.org/">Ailleurs</a></li>
</ul>
"""


@pytest.mark.parametrize(
    ("docname", "sphinx_tree"),
    [("recherche/niche", NICHE_TREE), ("recherche/index", SECTION_TREE), ("other", UNLISTED_TREE)],
)
def test_each_page_fills_the_marks_furo_would_give_it(docname, sphinx_tree):
    shared = template(get_navigation_tree(UNLISTED_TREE), "recherche", ".html")
    assert shared.render(docname) == get_navigation_tree(sphinx_tree)


@pytest.mark.slow
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_is_the_same_as_with_furos_own_navigation(site, tmp_path, language):
    furo = run_build(
        DOCS, tmp_path / "html", "--language", language, "-D", "lnox_shared_navigation=0"
    )
    assert furo.returncode == 0, furo.log
    assert site.pages(language) == furo.pages(language)
    for page in site.pages(language):
        assert site.html(language, page) == furo.html(language, page), page
