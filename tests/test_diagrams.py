"""The diagram directive: SVG checks, label substitution, and a clear failure for a bad file."""

from __future__ import annotations

import pytest
from conftest import build_copy

from lnox_site.checks.diagrams import check_diagrams
from lnox_site.content.diagrams import labelled, parse, render

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" width="100" height="50">'
    "<title>Deux cellules reliées par un canal</title><desc>Une description</desc>"
    '<text x="1" y="10">Cellule</text><text x="1" y="30"><tspan>Ligne un</tspan>'
    "<tspan>Ligne deux</tspan></text><rect width='5' height='5'/></svg>"
)


SHORT_TITLE = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><title>Deux cellules</title></svg>'
)


def test_labels_are_the_title_desc_and_texts_in_order():
    texts = [el.text for el in labelled(parse(SVG))]
    assert texts == [
        "Deux cellules reliées par un canal",
        "Une description",
        "Cellule",
        "Ligne un",
        "Ligne deux",
    ]


def test_render_puts_the_labels_in_place_and_names_the_text_alternative():
    labels = ["Two cells", "A description", "Cell", "Line one", "Line two"]
    markup = render(SVG, labels, "diagram-test")
    assert 'role="img"' in markup
    assert 'aria-labelledby="diagram-test-title"' in markup
    assert '<title id="diagram-test-title">Two cells</title>' in markup
    assert ">Line two</tspan>" in markup
    assert "Deux" not in markup
    # The page's CSS sizes the diagram; fixed dimensions would overflow a phone.
    assert 'width="100"' not in markup


def test_render_escapes_labels():
    markup = render(SVG, ["a < b & c", "d", "e", "f", "g"], "x")
    assert "a &lt; b &amp; c" in markup


def test_render_refuses_a_wrong_number_of_labels():
    with pytest.raises(ValueError, match="shorter"):
        render(SVG, ["only one"], "x")


@pytest.mark.parametrize(
    ("svg", "message"),
    [
        ("<svg", "not well-formed"),
        ('<svg xmlns="http://www.w3.org/2000/svg"><title>t</title></svg>', "viewBox"),
        (SHORT_TITLE, "'Deux cellules' is too short"),
        ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>', "no <title>"),
        ('<html xmlns="http://www.w3.org/2000/svg"><title>t</title></html>', "root element"),
    ],
)
def test_parse_says_what_is_wrong(svg, message):
    with pytest.raises(ValueError, match=message):
        parse(svg)


@pytest.mark.slow
def test_diagram_without_title_stops_the_build_at_its_line(project):
    folder = project / "docs" / "recherche"
    (folder / "schemas" / "essai.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><text>A</text></svg>',
        encoding="utf-8",
    )
    page = folder / "niche.md"
    text = page.read_text(encoding="utf-8")
    line = text[: text.index("```{diagram}")].count("\n") + 1
    page.write_text(text.replace("schemas/niche.svg", "schemas/essai.svg"), encoding="utf-8")
    build = build_copy(project)
    assert build.returncode != 0
    assert any(
        f"niche.md:{line}:" in entry and "schemas/essai.svg: no <title>" in entry
        for entry in build.log.splitlines()
    ), build.log


def test_the_check_reads_diagrams_as_myst_does(tmp_path):
    # A colon fence is a directive too; an example of one in a code block is text, not a diagram.
    page = tmp_path / "docs" / "recherche" / "essai.md"
    page.parent.mkdir(parents=True)
    (tmp_path / "docs" / "conf.py").write_text('myst_enable_extensions = ["colon_fence"]\n')
    page.write_text(
        "# Essai\n\n````markdown\n```{diagram} schemas/exemple.svg\n```\n````\n\n"
        ":::{diagram} schemas/absent.svg\nLégende\n:::\n",
        encoding="utf-8",
    )
    problems = list(check_diagrams(tmp_path))
    assert [(p.path, p.line, p.subject) for p in problems] == [
        ("docs/recherche/essai.md", 8, "schemas/absent.svg")
    ]
