"""The layers of the site's extension go one way (ARCHITECTURE.md): the readers know nothing of
Sphinx, the checks use the readers only, the renderers use the readers and never the checks, what
the site relies on beyond its tools' documented interfaces is fenced in ``upstream``, which uses
nothing of the package, no package imports one that imports it back (directly or through
others), and nothing of the package imports the benchmarks."""

from __future__ import annotations

import ast
import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

PACKAGE = ROOT / "src" / "lnox_site"
RENDERING = {"bibliography", "news", "pages", "site"}
# Libraries of the Sphinx side: a reader or a check that imports one cannot run without Sphinx.
SPHINX_SIDE = {
    "sphinx", "docutils", "myst_parser", "furo", "sphinxcontrib", "pybtex_docutils",
    "sphinx_autobuild", "feedgen", "bs4", "markupsafe",
}  # fmt: skip
# MyST's own markdown-it setup, which needs no Sphinx: the readers parse pages with it
# (lnox_site.content.markdown). It loads a few docutils classes for its configuration.
MYST_PARSER = {
    "myst_parser.parsers.mdit.create_md_parser",
    "myst_parser.config.main.MdParserConfig",
}
# The fence around the tools' undocumented parts (one module per tool): the renderers and the
# commands use it; it uses only the tools.
FENCE = "upstream"
# What each layer may import of the package, besides itself. Among the renderers, `site` (what
# every page shares) is below `bibliography`, which is below `news` and `pages`; a lower package
# learns what a higher one knows through an event the higher one answers (ARCHITECTURE.md).
ALLOWED = {
    "content": set(),
    "checks": {"content"},
    "site": {"content", FENCE},
    "bibliography": {"content", "site", FENCE},
    "news": {"content", "site", "bibliography", FENCE},
    "pages": {"content", "site", "bibliography", FENCE},
    FENCE: set(),
}
# Packages of commands (``python -m lnox_site.new``), which may use every layer.
COMMANDS = {"new"}
# The one module of the rendering side that runs the checks: before Sphinx reads any page.
GATE = "lnox_site.site.content_gate"


def layer(module: str) -> str:
    """``lnox_site.content.posts`` -> ``content``; a module at the top of the package (a command)
    -> ``commands``."""
    parts = module.split(".")
    package = parts[1] if len(parts) > 1 and (PACKAGE / parts[1]).is_dir() else None
    return package if package and package not in COMMANDS else "commands"


def modules() -> list[tuple[str, Path]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path))
    return found


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module that ``path`` imports, with the line of the import."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}:{node.lineno}: write the import in full (lnox_site…)"
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def broken_rules(module: str, path: Path) -> list[str]:
    own = layer(module)
    where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    broken = []
    for line, imported in imports(path):
        top = imported.split(".")[0]
        if top == "benchmarks":
            broken.append(f"{where}:{line}: imports the benchmarks ({imported})")
        if own in ("content", "checks") and top in SPHINX_SIDE and imported not in MYST_PARSER:
            broken.append(f"{where}:{line}: the {own} layer imports {imported}")
        parts = imported.split(".")
        if top != "lnox_site" or own == "commands" or len(parts) < 2:
            continue
        other = parts[1]
        if other == own or not (PACKAGE / other).is_dir():
            continue
        if other == "checks" and module == GATE:
            continue
        if other not in ALLOWED[own]:
            broken.append(f"{where}:{line}: the {own} layer imports {imported}")
    return broken


def package_imports() -> dict[str, dict[str, str]]:
    """package -> {package it imports: where, the first such import as file:line}, between the
    packages of the extension (not the commands, which may use every layer)."""
    graph: dict[str, dict[str, str]] = {}
    for module, path in modules():
        own = layer(module)
        if own == "commands":
            continue
        for line, imported in imports(path):
            parts = imported.split(".")
            if parts[0] != "lnox_site" or len(parts) < 2 or not (PACKAGE / parts[1]).is_dir():
                continue
            if parts[1] != own and parts[1] not in COMMANDS:
                where = f"{path.relative_to(ROOT)}:{line}"
                graph.setdefault(own, {}).setdefault(parts[1], where)
    return graph


def cycles(graph: dict[str, dict[str, str]]) -> list[str]:
    """Each cycle between packages, as the imports that close it (``a -> b (file:line)``)."""
    found = []
    for start in sorted(graph):
        # Depth first from ``start``: a path back to it is a cycle, reported once from its
        # smallest package.
        stack = [(start, [start])]
        while stack:
            package, path = stack.pop()
            for imported in sorted(graph.get(package, {})):
                if imported == start:
                    steps = [*path, start]
                    pairs = itertools.pairwise(steps)
                    found.append(" ; ".join(f"{a} -> {b} ({graph[a][b]})" for a, b in pairs))
                elif imported not in path and imported > start:
                    stack.append((imported, [*path, imported]))
    return found


def test_no_cycle_between_packages():
    assert cycles(package_imports()) == []


def test_the_rule_sees_a_cycle():
    graph = {"site": {"news": "a.py:1"}, "news": {"pages": "b.py:2"}, "pages": {"site": "c.py:3"}}
    assert cycles(graph) == [
        "news -> pages (b.py:2) ; pages -> site (c.py:3) ; site -> news (a.py:1)"
    ]
    assert cycles({"site": {"content": "a.py:1"}, "news": {"site": "b.py:1"}}) == []


@pytest.mark.parametrize(("module", "path"), modules(), ids=[name for name, _ in modules()])
def test_layers_go_one_way(module, path):
    assert broken_rules(module, path) == []


def test_every_module_belongs_to_a_known_layer():
    assert {layer(name) for name, _ in modules()} == set(ALLOWED) | {"commands"}


@pytest.mark.parametrize(
    "package", sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").exists())
)
def test_each_package_says_what_it_owns(package):
    docstring = ast.get_docstring(ast.parse((PACKAGE / package / "__init__.py").read_text()))
    assert docstring, f"src/lnox_site/{package}/__init__.py has no docstring"
    if package in ALLOWED:
        assert "May import" in docstring


def test_the_rule_sees_a_reader_that_imports_sphinx(tmp_path):
    # The rule itself: a reader importing Sphinx, or a renderer importing a check, is reported.
    reader = tmp_path / "reader.py"
    reader.write_text("from sphinx.application import Sphinx\nfrom lnox_site.checks import run\n")
    assert len(broken_rules("lnox_site.content.reader", reader)) == 2
    assert len(broken_rules("lnox_site.pages.reader", reader)) == 1
    assert broken_rules("lnox_site.check", reader) == []


def test_the_rule_keeps_the_fence_to_the_renderers_and_the_commands(tmp_path):
    fenced = tmp_path / "fenced.py"
    fenced.write_text("from lnox_site.upstream import sphinx\n")
    assert broken_rules("lnox_site.site.fenced", fenced) == []
    assert broken_rules("lnox_site.preview", fenced) == []
    assert len(broken_rules("lnox_site.content.fenced", fenced)) == 1
    assert len(broken_rules("lnox_site.checks.fenced", fenced)) == 1
    # The fence itself uses nothing of the package but its own modules.
    assert broken_rules("lnox_site.upstream.furo", fenced) == []
    reaching_out = tmp_path / "reaching_out.py"
    reaching_out.write_text("from lnox_site.content.paths import ROOT\n")
    assert len(broken_rules("lnox_site.upstream.furo", reaching_out)) == 1


def test_the_content_check_runs_without_sphinx():
    # `nox -s check` answers in a blink because neither the checks nor the readers load Sphinx.
    probe = "import sys, lnox_site.check; print(sorted({m.split('.')[0] for m in sys.modules}))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert not set(ast.literal_eval(loaded)) & (SPHINX_SIDE - {"docutils", "myst_parser"})
