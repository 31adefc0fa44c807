"""Pages load nothing from elsewhere and run nothing of their own: what a contributor may write in a
page, a translation or references.bib that would load from another site or run in the reader's
browser is reported with its file and line before any build (lnox_site.checks.page_safety), and
whatever raw HTML reaches a page unchecked is cleaned (lnox_site.site.raw_html).

The hostile cases come from the OWASP XSS Filter Evasion Cheat Sheet
(https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html) and from what
a contributor copies from another site (an embedded video, a partner's logo, a tracking pixel).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from conftest import build_copy, checked
from docutils import nodes
from docutils.core import publish_doctree
from myst_parser.parsers.docutils_ import Parser

from lnox_site.checks import page_safety
from lnox_site.site import raw_html

PAGE = "docs/contact.md"
CATALOGUE = "docs/locales/en/LC_MESSAGES/contact.po"
ONLY = 'a page may hold <abbr title="…">, <sub>, <sup> and <br> only'
HTML_FIX = f"write it in Markdown, or remove it ({ONLY})"
IMAGE_FIX = (
    "put the file in the repository beside the page and write its path, e.g. ![Logo](logo.png)"
)
MEDIA_FIX = "link to it instead: [title of the video](https://…)"
ATTRIBUTE_FIX = f"remove the attribute ({ONLY})"
LINK_FIX = "link to a web page (https://…) or an e-mail address (mailto:…)"
VERBATIM_FIX = (
    'write the content in Markdown (a page may hold <abbr title="…">, <sub>, <sup> and <br> as '
    "HTML)"
)


def append(project: Path, path: str, text: str) -> int:
    """Add ``text`` at the end of a file of the project copy, after a blank line; the line where
    it starts."""
    file = project / path
    before = file.read_text(encoding="utf-8")
    file.write_text(before.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return before.rstrip("\n").count("\n") + 3


# What a contributor writes in a page, and what the check says of its first line.
PAGE_CASES = {
    "img onerror": ("Voir <img src=x onerror=alert(1)> ici.", f"<img> is not allowed in a page — {IMAGE_FIX}"),
    # <svg/onload=…> is not a tag for CommonMark: MyST shows it as text.
    "svg onload": ("<svg onload=alert(1)>", f"<svg> is not allowed in a page — {IMAGE_FIX}"),
    "a href javascript, mixed case": (
        '<a href="jAvAsCrIpT:alert(1)">la présentation</a>',
        f"<a> is not allowed in a page — {HTML_FIX}",
    ),
    "iframe srcdoc": (
        '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
        f"<iframe> is not allowed in a page — {MEDIA_FIX}",
    ),
    "embedded video": (
        '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        f"<iframe> is not allowed in a page — {MEDIA_FIX}",
    ),
    "video": ('<video src="https://example.org/v.mp4" controls></video>', f"<video> is not allowed in a page — {MEDIA_FIX}"),
    "object data": ('<object data="https://example.org/x.swf"></object>', f"<object> is not allowed in a page — {MEDIA_FIX}"),
    "embed": ('<embed src="https://example.org/x.swf">', f"<embed> is not allowed in a page — {MEDIA_FIX}"),
    "script": ("<script>alert(1)</script>", f"<script> is not allowed in a page — {HTML_FIX}"),
    "stylesheet": (
        '<link rel="stylesheet" href="https://example.org/x.css">',
        f"<link> is not allowed in a page — {HTML_FIX}",
    ),
    "style import": (
        "<style>@import url(https://example.org/x.css);</style>",
        f"<style> is not allowed in a page — {HTML_FIX}",
    ),
    "meta refresh": (
        '<meta http-equiv="refresh" content="0;url=https://example.org/">',
        f"<meta> is not allowed in a page — {HTML_FIX}",
    ),
    "base href": ('<base href="https://example.org/">', f"<base> is not allowed in a page — {HTML_FIX}"),
    "form action": (
        '<form action="https://example.org/collect">',
        f"<form> is not allowed in a page — {HTML_FIX}",
    ),
    "remote font in a style attribute": (
        '<abbr title="LAM" style="font-family:x;src:url(https://fonts.example/f.woff)">LAM</abbr>',
        f"the style attribute of <abbr> is not allowed in a page — {ATTRIBUTE_FIX}",
    ),
    "event handler on an allowed element": (
        'Un <sup onmouseover="alert(1)">e</sup> siècle.',
        f"the onmouseover attribute of <sup> is not allowed in a page — {ATTRIBUTE_FIX}",
    ),
    "HTML comment": ("<!-- à relire -->", f"an HTML comment <!-- … --> is not allowed in a page — {HTML_FIX}"),
    "tracking pixel": (
        "![](https://tracker.example/p.gif)",
        f"the image https://tracker.example/p.gif is not a file of the repository — {IMAGE_FIX}",
    ),
    "partner's logo": (
        "![Logo du partenaire](https://example.org/logo.png)",
        f"the image https://example.org/logo.png is not a file of the repository — {IMAGE_FIX}",
    ),
    "image without scheme": (
        "![Logo](//cdn.example.org/logo.png)",
        f"the image //cdn.example.org/logo.png is not a file of the repository — {IMAGE_FIX}",
    ),
    "figure of an address": (
        "```{figure} https://example.org/logo.png\nLe logo.\n```",
        f"the image https://example.org/logo.png is not a file of the repository — {IMAGE_FIX}",
    ),
    "javascript target of a figure": (
        "```{figure} logo.png\n:target: javascript:alert(document.cookie)\n:alt: Logo\n```",
        (
            "a link to javascript: is not allowed (javascript:alert(document.cookie)) — "
            f"{LINK_FIX}"
        ),
    ),
    "javascript link": (
        "[la présentation](javascript:alert(1))",
        f"MyST refuses the link to javascript:alert(1) and shows it as written — {LINK_FIX}",
    ),
    "entity-encoded javascript link": (
        "[la présentation](&#106;avascript:alert(1))",
        f"MyST refuses the link to javascript:alert(1) and shows it as written — {LINK_FIX}",
    ),
    "data link": (
        "[x](data:text/html,<script>alert(1)</script>)",
        (
            "MyST refuses the link to data:text/html,<script>alert(1)</script> and shows it as "
            f"written — {LINK_FIX}"
        ),
    ),
    "telephone link": (
        "[le secrétariat](tel:+33000000000)",
        f"a link to tel: is not allowed (tel:+33000000000) — {LINK_FIX}",
    ),
    "unknown scheme": (
        "[x](ftp://example.org/file)",
        f"a link to ftp: is not allowed (ftp://example.org/file) — {LINK_FIX}",
    ),
    "space in a link": (
        "Voir [la présentation](les diapositives.pdf).",
        (
            "MyST does not read [la présentation](les diapositives.pdf) as a link, and shows it "
            "as written — write [text](address) with no space in the address (or put it between "
            "< >) and as many ] as ["
        ),
    ),
    "raw directive": (
        "```{raw} html\n<b>x</b>\n```",
        f"the {{raw}} directive puts its content in the page unchecked — {VERBATIM_FIX}",
    ),
    "eval-rst directive": (
        "```{eval-rst}\n.. raw:: html\n\n   <script>alert(1)</script>\n```",
        f"the {{eval-rst}} directive puts its content in the page unchecked — {VERBATIM_FIX}",
    ),
    "include from outside docs": (
        "```{literalinclude} ../../.ssh/id_rsa\n```",
        "{literalinclude} of ../../.ssh/id_rsa, a file outside docs/ — include only files of docs/",
    ),
}  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), PAGE_CASES.values(), ids=PAGE_CASES)
def test_a_page_that_loads_or_runs_something_is_reported_at_its_line(project, text, expected):
    line = append(project, PAGE, text + "\n")
    problems = checked(project)
    assert f"{PAGE}:{line}: {expected}" in problems
    assert all(problem.startswith(PAGE) for problem in problems), problems


def test_a_raw_directive_in_a_note_is_found_at_its_line(project):
    line = append(project, PAGE, "```{note}\n:::{raw} html\n<b>x</b>\n:::\n```\n")
    assert checked(project) == [
        (
            f"{PAGE}:{line + 1}: the {{raw}} directive puts its content in the page unchecked — "
            f"{VERBATIM_FIX}"
        )
    ]


def test_the_line_is_that_of_the_tag_inside_an_html_block(project):
    line = append(project, PAGE, "<div>\nLe logo :\n<img src=x onerror=alert(1)>\n</div>\n")
    assert checked(project) == [
        f"{PAGE}:{line}: <div> is not allowed in a page — {HTML_FIX}",
        f"{PAGE}:{line + 2}: <img> is not allowed in a page — {IMAGE_FIX}",
    ]


def test_an_unfinished_tag_is_reported(project):
    # Its browser would read on into the page's own HTML, attributes included.
    line = append(project, PAGE, "<div>\n<abbr title=x onclick=alert(1)\n")
    assert f"{PAGE}:{line + 1}: an unfinished tag is not allowed in a page — {HTML_FIX}" in (
        checked(project)
    )


def test_a_translation_is_checked_at_its_msgstr_line(project):
    line = append(
        project,
        CATALOGUE,
        'msgid "Nouvelle phrase."\n'
        'msgstr "See <script>alert(1)</script> and [the slides](javascript:alert(1))."\n',
    )
    problems = checked(project)
    assert f"{CATALOGUE}:{line + 1}: <script> is not allowed in a page — {HTML_FIX}" in problems
    assert (
        f"{CATALOGUE}:{line + 1}: MyST refuses the link to javascript:alert(1) and shows it as "
        f"written — {LINK_FIX}"
    ) in problems


def test_a_tracking_pixel_in_a_translation_is_reported(project):
    line = append(
        project,
        CATALOGUE,
        'msgid "Nouvelle phrase."\nmsgstr ""\n"A new sentence. "\n"![](https://tracker.example/p.gif)"\n',
    )
    assert (
        f"{CATALOGUE}:{line + 1}: the image https://tracker.example/p.gif is not a file of the "
        f"repository — {IMAGE_FIX}"
    ) in checked(project)


def _insert_after(path: Path, anchor: str, text: str) -> int:
    """Insert a line after the line ``anchor`` of a file; the line it takes."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    at = next(index for index, line in enumerate(lines) if line.strip() == anchor) + 1
    path.write_text("".join([*lines[:at], text + "\n", *lines[at:]]), encoding="utf-8")
    return at + 1


def test_a_javascript_address_in_the_bibliography_is_reported(project):
    bib = project / "references.bib"
    anchor = "howpublished = {PubMed Central, PMC6929385},"
    url = _insert_after(bib, anchor, "  url          = {javascript:alert(1)},")
    assert checked(project) == [
        (
            f"references.bib:{url}: picou2019mdsoxidative: the url javascript:alert(1) is not a web "
            "address — write the address of the work's page, https://…"
        ),
    ]


def test_a_data_address_in_a_bibliography_note_is_reported(project):
    bib = project / "references.bib"
    anchor = "howpublished = {PubMed Central, PMC6929385},"
    note = _insert_after(
        bib, anchor, "  annote       = {See \\url{data:text/html;base64,PHNjcmlwdD4=}},"
    )
    assert checked(project) == [
        (
            f"references.bib:{note}: picou2019mdsoxidative: the annote field holds the address "
            "data:text/html;base64,PHNjcmlwdD4= — write a web address, https://…, or remove it"
        ),
    ]


def test_a_javascript_address_in_a_data_file_is_reported(project):
    edition = project / "docs" / "symposium" / "2019.md"
    line = _insert_after(edition, "city: Tours", "programme: javascript:alert(1)")
    problems = checked(project)
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"docs/symposium/2019.md:{line}: ")
    assert "'javascript:alert(1)' is not a web address" in problems[0]


ALLOWED = (
    "L’eau oxygénée (H<sub>2</sub>O<sub>2</sub>) tue 10<sup>6</sup> cellules depuis le "
    '1<sup>er</sup> janvier ; la <abbr title="leucémie aiguë myéloïde">LAM</abbr><br>\n'
    "de l’<abbr title='Organisation mondiale de la santé'>OMS</abbr>.\n\n"
    "Écrire à [l’équipe](mailto:equipe@example.org), "
    "lire [l’article](https://doi.org/10.1038/s41388-019-1069-y) ou "
    "[la page](<les diapositives.md>).\n\n"
    "![Logo du partenaire](logo.png)\n"
)


def test_what_a_page_may_hold_passes(project):
    append(project, PAGE, ALLOWED)
    assert list(page_safety.check_page_safety(project)) == []


def test_what_a_translation_may_hold_passes(project):
    append(
        project,
        CATALOGUE,
        'msgid "L’eau oxygénée (H<sub>2</sub>O<sub>2</sub>) et la <abbr title=\\"leucémie aiguë '
        'myéloïde\\">LAM</abbr> ; [écrivez-nous](mailto:equipe@example.org)."\n'
        'msgstr "Hydrogen peroxide (H<sub>2</sub>O<sub>2</sub>) and <abbr title=\\"acute myeloid '
        'leukaemia\\">AML</abbr>; [write to us](mailto:equipe@example.org)."\n',
    )
    assert checked(project) == []


def _raw_texts(doctree: nodes.document) -> list[str]:
    return [node.astext() for node in doctree.findall(nodes.raw)]


def test_raw_html_that_reaches_a_page_is_cleaned_with_a_warning(caplog):
    page = "Texte <img src=x onerror=alert(1)> et 10<sup>6</sup>.\n\n<script>alert(1)</script>\n"
    doctree = publish_doctree(page, parser=Parser())
    with caplog.at_level(logging.WARNING):
        raw_html._clean_raw_html(None, doctree)
    assert _raw_texts(doctree) == ["", "<sup>", "</sup>", "\n"]
    # Where a Sphinx application ran before in the same process, Sphinx's log filter puts the
    # location before the message.
    messages = [record.getMessage() for record in caplog.records]
    expected = [f"HTML removed from the page: <{tag}> ({ONLY})" for tag in ("img", "script")]
    assert len(messages) == len(expected)
    assert all(m.endswith(e) for m, e in zip(messages, expected, strict=True)), messages


def test_allowed_raw_html_is_left_as_written():
    page = "10<sup>6</sup>, <abbr title='LAM'>LAM</abbr><br/>\nH<sub>2</sub>O\n"
    doctree = publish_doctree(page, parser=Parser())
    before = _raw_texts(doctree)
    raw_html._clean_raw_html(None, doctree)
    assert _raw_texts(doctree) == before == [
        "<sup>", "</sup>", "<abbr title='LAM'>", "</abbr>", "<br/>", "<sub>", "</sub>"
    ]  # fmt: skip


@pytest.mark.slow
def test_the_build_stops_on_an_embedded_video(project):
    line = append(
        project, PAGE, '<iframe src="https://www.youtube-nocookie.com/embed/x"></iframe>\n'
    )
    build = build_copy(project)
    assert build.returncode != 0
    assert f"{PAGE}:{line}: <iframe> is not allowed in a page — {MEDIA_FIX}" in build.log
    assert "the site was not built" in build.log
    assert not (project / "html" / "fr" / "contact.html").exists()


def test_html_in_a_data_file_is_reported_on_its_line(project):
    # Escaped on the page, it runs nothing, but readers would see the tags as text.
    people = project / "docs" / "_data" / "people.yaml"
    role = "      en: President of the learned society FSTM"
    lines = people.read_text(encoding="utf-8").splitlines(keepends=True)
    [index] = [i for i, line in enumerate(lines) if line.startswith(role)]
    lines[index] = lines[index].replace("en: ", "en: <script>alert(1)</script> ", 1)
    people.write_text("".join(lines), encoding="utf-8")
    expected = (
        f"docs/_data/people.yaml:{index + 1}: HTML in a data file is shown on the page as "
        "written, tags and all — write plain text: the site lays the text out itself"
    )
    assert checked(project) == [expected]
