"""Sessions to build, preview, check and translate the LNOx website.

nox -s docs        build French and English into docs/_build/html/
nox -s serve       live preview (nox -s serve -- en for English)
nox -s tests       build and run the test suite
nox -l             every session
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import nox

nox.needs_version = ">=2024.3.2"
# uv when it is installed, plain virtualenv + pip otherwise, so that `pip install nox` is enough.
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.sessions = ["docs"]
# An environment is kept from one run to the next; `install` reinstalls it when the pins change.
nox.options.reuse_venv = "yes"

ROOT = Path(__file__).parent
DOCS = ROOT / "docs"
BUILD = DOCS / "_build"
HTML = BUILD / "html"
LOCALES = DOCS / "locales"
LOCK = "requirements.txt"
NODE_LOCK = ROOT / "package-lock.json"
PYPROJECT = nox.project.load_toml("pyproject.toml")


def install(session: nox.Session, *groups: str) -> None:
    """The site package and the named dependency groups, at the versions of the lock file.

    Installed when the environment is new or when requirements.txt or pyproject.toml changed since
    it was last installed (their digest is kept in the environment); otherwise the session starts
    at once with the environment as it is."""
    stamp = Path(session.virtualenv.location) / "lnox-installed"
    digest = installed_digest(groups)
    if stamp.exists() and stamp.read_text(encoding="utf-8") == digest:
        session.log(
            f"{LOCK} and pyproject.toml unchanged since the last install: nothing to install"
        )
        return
    requirements = [r for g in groups for r in nox.project.dependency_groups(PYPROJECT, g)]
    # Compiled once here, as pip does, rather than at each start of Sphinx (~1.4 s) where Python
    # may not write bytecode (PYTHONDONTWRITEBYTECODE, read-only environments).
    session.install("-c", LOCK, "-e", ".", *requirements, env={"UV_COMPILE_BYTECODE": "1"})
    # Written as an install step, which `nox -R` (--no-install) skips as it skips the install.
    write = f"import pathlib; pathlib.Path({str(stamp)!r}).write_text({digest!r})"
    session.run_install("python", "-c", write, silent=True, log=False)


def installed_digest(groups: tuple[str, ...]) -> str:
    """What an environment's packages depend on: the lock, pyproject.toml and the groups."""
    digest = hashlib.sha256(" ".join(groups).encode())
    for name in (LOCK, "pyproject.toml"):
        digest.update((ROOT / name).read_bytes())
    return digest.hexdigest()


def node_tools(session: nox.Session) -> None:
    """The checkers of package.json (axe-core, vnu-jar, Lighthouse) at the versions of package-lock.json."""
    if shutil.which("npm") is None:
        session.warn(
            "npm is missing (apt-get install nodejs npm): the browser checks will be skipped"
        )
        return
    installed = ROOT / "node_modules" / ".package-lock.json"
    if not installed.exists() or installed.stat().st_mtime < NODE_LOCK.stat().st_mtime:
        session.run("npm", "ci", "--no-audit", "--no-fund", external=True)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the site in every language with -n -W; extra arguments go to sphinx-build."""
    install(session)
    session.run("python", "-m", "lnox_site.build", "docs", str(HTML), *session.posargs)


@nox.session(default=False)
def serve(session: nox.Session) -> None:
    """Live preview at http://127.0.0.1:8000 that rebuilds on save: `nox -s serve -- en` for English."""
    install(session, "serve")
    session.run("python", "-m", "lnox_site.preview", *session.posargs)


@nox.session
def tests(session: nox.Session) -> None:
    """Build both languages and check the result, browser tests included (pytest options after --)."""
    install(session, "test")
    node_tools(session)
    # On every core: builds use them all, and browser tests spend much of their time waiting. A
    # module's tests stay on one worker, with the fixtures they share (the browser sweeps).
    session.run("pytest", "-n", "auto", "--dist", "loadscope", *session.posargs)


# The tools whose next releases the site wants to know about before it upgrades to them:
# lnox_site.upstream fences what it relies on in each.
UPGRADED = ("sphinx", "furo", "myst-parser", "sphinxcontrib-bibtex")


@nox.session(default=False)
def upgrades(session: nox.Session) -> None:
    """The quick lane with the newest releases of Sphinx, Furo, MyST-Parser and sphinxcontrib-bibtex
    (and of what they need; the rest as pinned): what an upgrade would break, before it is
    needed. The fences to read again are listed first, without failing the session."""
    install(session, "test")
    session.install("--upgrade", *UPGRADED)
    # The releases tested, at the top of the log.
    tested = (
        f"import importlib.metadata as m\nfor tool in {UPGRADED!r}: print(tool, m.version(tool))"
    )
    session.run("python", "-c", tested)
    node_tools(session)
    session.run("pytest", "-m", "release_guard", "-n", "0", "-q", success_codes=[0, 1])
    session.run(
        "pytest", "-m", "not slow and not release_guard", "-n", "auto", "--dist", "loadscope",
        *session.posargs,
    )  # fmt: skip


@nox.session(default=False)
def audit(session: nox.Session) -> None:
    """Lighthouse scores and page weights of key pages in both languages (docs/_build/audit/)."""
    install(session)
    node_tools(session)
    session.run("python", "-m", "lnox_site.build", "docs", str(HTML))
    session.run("python", "-m", "benchmarks.audit", str(HTML), str(BUILD / "audit"))


@nox.session(default=False)
def bench(session: nox.Session) -> None:
    """Build synthetic copies of the site at x1, x5, x20 and time them (docs/_build/bench/report.md);
    `nox -s bench -- --scales 1,5` for fewer."""
    install(session, "serve")
    session.run("python", "-m", "benchmarks.bench", *session.posargs)


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """Run the pre-commit checks on every file, new ones included; `nox -s lint -- install` runs
    them on each commit."""
    install(session, "lint")
    if session.posargs == ["install"]:
        hooks = session.run("git", "rev-parse", "--git-path", "hooks", silent=True, external=True)
        hook = ROOT / hooks.strip() / "pre-commit"
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text(
            "#!/bin/sh\n# Installed by `nox -s lint -- install`.\nexec nox -r -s lint\n"
        )
        hook.chmod(0o755)
        session.log(f"Every commit now runs `nox -s lint` first ({hook}).")
        return
    # pre-commit's --all-files sees only the files git tracks: a new page would be skipped until it
    # is `git add`-ed. It is given every file git tracks or would track (not ignored) instead.
    session.run(
        "sh", "-c",
        "git ls-files -z --cached --others --exclude-standard"
        ' | xargs -0 pre-commit run --show-diff-on-failure "$@" --files',
        "lint", *session.posargs, external=True,
    )  # fmt: skip


@nox.session(default=False)
def translate(session: nox.Session) -> None:
    """Refresh the English catalogues from the French pages and print what is left to translate."""
    install(session, "translate")
    gettext = BUILD / "gettext"
    shutil.rmtree(gettext, ignore_errors=True)
    session.run("sphinx-build", "-q", "-b", "gettext", "docs", str(gettext))
    session.run("sphinx-intl", "update", "-p", str(gettext), "-d", str(LOCALES), "-l", "en")
    # At the one width of the catalogues (lnox_site.translation.CATALOGUE_WIDTH), hand edits too.
    session.run("python", "-m", "lnox_site.translation", "--wrap")
    # What is left is the translator's list, not a failure of the session: the catalogues are up
    # to date. `nox -s check` and the build refuse the English pages until it is done.
    session.run("python", "-m", "lnox_site.translation", success_codes=[0, 1])
    # The words the extension writes, gathered from its code, and those left to translate.
    session.run("python", "-m", "lnox_site.wording_catalogues", success_codes=[0, 1])


@nox.session(default=False)
def check(session: nox.Session) -> None:
    """Check the content (pages, translations, bibliography, data) in seconds, without building."""
    install(session)
    session.run("python", "-m", "lnox_site.check", ".")


@nox.session(default=False)
def new(session: nox.Session) -> None:
    """Create a page ready to edit, e.g. `nox -s new -- news "Titre de l'actualité"`."""
    install(session)
    session.run("python", "-m", "lnox_site.new", *session.posargs)


@nox.session(default=False)
def linkcheck(session: nox.Session) -> None:
    """Check the external links (needs internet; never part of the tests)."""
    install(session)
    for language in ("fr", "en"):
        session.run(
            "sphinx-build", "-b", "linkcheck", "-D", f"language={language}",
            "docs", str(BUILD / "linkcheck" / language), *session.posargs,
        )  # fmt: skip


@nox.session(default=False)
def pins(session: nox.Session) -> None:
    """Refresh requirements.txt after a change of pyproject.toml (`-- --upgrade` for new versions)."""
    session.install("uv")
    groups = [f"--group=pyproject.toml:{g}" for g in PYPROJECT["dependency-groups"]]
    session.run(
        "uv", "pip", "compile", "pyproject.toml", *groups, "--universal",
        "--fork-strategy", "fewest", "--python-version", "3.11",
        "--output-file", LOCK, *session.posargs,
    )  # fmt: skip
