"""What the site relies on beyond its tools' documented interfaces is fenced in
``lnox_site.upstream``, one module per tool, each naming the release it was checked against: these
tests say which module to read again when a tool changes, and find a private part of a tool used
outside the fence (ARCHITECTURE.md, "Upgrading the tools")."""

from __future__ import annotations

import ast
import importlib
from importlib.metadata import version
from pathlib import Path

import pytest
from conftest import ROOT
from packaging.requirements import Requirement

PACKAGE = ROOT / "src" / "lnox_site"
FENCE = PACKAGE / "upstream"
FENCED = sorted(path.stem for path in FENCE.glob("*.py") if path.stem != "__init__")
# Parts of the tools that no documentation promises and whose names do not say so: only the fence
# uses them (sphinx.py, furo.py, bibtex.py, docutils.py, autobuild.py say what each is).
UNDOCUMENTED = frozenset({
    "listeners", "translators", "dependencies", "autofootnotes", "bibdata", "indexer",
    "create_translator", "docsettings", "build_info", "render_partial", "write_documents",
    "sphinx_args", "RebuildServer", "global_toctree_for_doc", "get_navigation_tree",
    "BuiltinTemplateLoader", "extract_messages", "traverse_parent", "show_message",
})  # fmt: skip
# Private names of the standard library that its documentation describes.
DOCUMENTED = frozenset({("os", "_exit")})


def fenced(name: str):
    return importlib.import_module(f"lnox_site.upstream.{name}")


def where(path: Path, node: ast.AST) -> str:
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    return f"{shown}:{node.lineno}"


def reaches_in(path: Path) -> list[str]:
    """Each place where ``path`` uses a private or undocumented part of something other than its
    own object (``self``, ``cls``): ``file:line: what``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute):
            owner = node.value.id if isinstance(node.value, ast.Name) else None
            private = node.attr.startswith("_") and not node.attr.endswith("__")
            if owner in ("self", "cls") or (owner, node.attr) in DOCUMENTED:
                continue
            if private or node.attr in UNDOCUMENTED:
                found.append(f"{where(path, node)}: .{node.attr}")
        elif isinstance(node, ast.ImportFrom) and not (node.module or "").startswith("lnox_site"):
            names = [alias.name for alias in node.names]
            found += [
                f"{where(path, node)}: {node.module}.{name}"
                for name in names
                if (name.startswith("_") and not name.endswith("__")) or name in UNDOCUMENTED
            ]
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("getattr", "setattr", "hasattr")
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and str(node.args[1].value).startswith("_")
        ):
            found.append(f"{where(path, node)}: {node.func.id}(…, {node.args[1].value!r})")
    return found


@pytest.mark.release_guard
@pytest.mark.parametrize("name", FENCED)
def test_each_tool_is_the_release_its_fence_was_checked_against(name):
    module = fenced(name)
    installed = version(module.TOOL)
    assert installed == module.CHECKED_WITH, (
        f"{module.TOOL} is now {installed}, {module.__name__} was checked against "
        f"{module.CHECKED_WITH}: read src/lnox_site/upstream/{name}.py against {module.TOOL} "
        f"{installed} (each name says which of its files it relies on), mend what changed, then "
        f'write CHECKED_WITH = "{installed}" there.'
    )


@pytest.mark.parametrize("name", FENCED)
def test_each_fence_names_the_release_pinned_in_requirements(name):
    module = fenced(name)
    pins = [
        Requirement(line.split("#")[0])
        for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "-"))
    ]
    pinned = [
        str(next(iter(pin.specifier)).version)
        for pin in pins
        if pin.name == module.TOOL and (pin.marker is None or pin.marker.evaluate())
    ]
    assert pinned == [module.CHECKED_WITH], (
        f"requirements.txt pins {module.TOOL} {pinned}: once src/lnox_site/upstream/{name}.py is "
        "read against that release, write it in its CHECKED_WITH."
    )


def test_the_fence_has_a_module_for_each_tool():
    assert {fenced(name).TOOL for name in FENCED} == {
        "sphinx", "docutils", "furo", "sphinxcontrib-bibtex", "myst-parser", "sphinx-autobuild",
    }  # fmt: skip


def test_no_module_outside_the_fence_reaches_into_a_tool():
    outside = [path for path in sorted(PACKAGE.rglob("*.py")) if not path.is_relative_to(FENCE)]
    found = [place for path in outside for place in reaches_in(path)]
    assert not found, (
        "Private or undocumented parts of a tool, used outside lnox_site.upstream: move each into "
        "the tool's module there, as a small function saying what it relies on:\n"
        + "\n".join(found)
    )


def test_the_scan_sees_what_reaches_in_and_nothing_else(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text(
        "app._init_i18n()\n"  # 1: a private method of Sphinx's application
        "x = indexer._titles\n"  # 2
        "from sphinx.util.nodes import _clean_extracted_message\n"  # 3
        "getattr(builder, '_env_version')\n"  # 4
        "for listener in app.events.listeners['builder-inited']: pass\n"  # 5: undocumented
        "self._stems = {}\n"  # its own object
        "cls._cache = None\n"
        "os._exit(0)\n"  # documented
        "name = handler.__module__\n",  # a dunder name
        encoding="utf-8",
    )
    lines = sorted(int(place.split(":")[1]) for place in reaches_in(probe))
    assert lines == [1, 2, 3, 4, 5]
