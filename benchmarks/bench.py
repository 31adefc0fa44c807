"""Measure the build of synthetic copies of the site at several scales (``nox -s bench``).

For each scale, a copy of the site (benchmarks.synthetic) is built the way ``nox -s docs`` builds
it, and each ``sphinx-build`` runs under ``/usr/bin/time -v`` (wall-clock time, peak memory).
Measured: clean build of each language, the same content in French with a bare configuration (Sphinx, MyST
and Furo only), a clean build in one process (``-j 1``), a rebuild with nothing changed, rebuilds
after editing one theme page, one news post, one cited BibTeX entry and one that no page shows
(with the documents read and written again, from the doctrees and pages Sphinx changed), the size
of the output, what the home page and a news post load (HTML plus the stylesheets and scripts they
link), the social cards (how many each build drew, the time to draw one, their bytes), two saves
while the preview runs (the time of each phase, lnox_site.build_phases) and the search index that
the search page of each language downloads (``searchindex.js``,
as it is and gzip-compressed, as web servers send it). Last, it times the README's test commands,
the quick lane and the whole suite. The bare, serial and incremental builds are
in French only: the English build reads the same pages through its catalogues.

    python -m benchmarks.bench [--scales 1,5,20] [--out docs/_build/bench] [--no-tests]

Writes ``report.md`` (the table) and ``results.json`` into the output folder.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field, fields
from html.parser import HTMLParser
from pathlib import Path
from string import Template
from types import SimpleNamespace
from urllib.parse import urlsplit

from PIL import Image

import lnox_site
from benchmarks import synthetic
from lnox_site.build import sphinx_command
from lnox_site.build_phases import PREFIX
from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.content.paths import BIBFILE
from lnox_site.preview import Running, build_folder
from lnox_site.site import card_image, cards

ROOT = Path(__file__).resolve().parents[1]
SCALES = (1, 5, 20)
HOME = "index.html"
POST = "actualites/2019/2019-11-07-oncogene-jonctions-gap"
THEME_PAGE = "recherche/niche"
BIB_KEY = "kouzi2020oncogene"  # cited by two theme pages, listed by others
UNSHOWN_KEY = "kiel2008nri"  # an entry of references.bib that no page shows
UPDATING = re.compile(r"^updating environment: (.*)$", re.MULTILINE)
CARDS_DRAWN = re.compile(r"^social cards: (\d+) drawn$", re.MULTILINE)
# How long the preview is watched for a build that nobody asked for.
IDLE = 3.0

# The bare configuration: the same pages with Sphinx, MyST and Furo alone. The site's directives and
# roles (and sphinxcontrib-bibtex's) become stand-ins that render nothing, or the role's text.
BARE_CONF = Template("""\
from docutils import nodes
from docutils.parsers.rst import Directive
from sphinx.domains import Domain

project = "LNOx"
extensions = ["myst_parser"]
exclude_patterns = ["_build", "locales", "README.md"]
language = "fr"
locale_dirs = ["locales/"]
gettext_compact = False
myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 3
html_theme = "furo"
# The site marks its news and archive pages as orphans itself.
suppress_warnings = ["toc.not_included"]
DIRECTIVES = $directives
ROLES = $roles


class AnyOption(dict):
    def __missing__(self, key):
        return str

    def __contains__(self, key):
        return True


class StandIn(Directive):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True
    option_spec = AnyOption()

    def run(self):
        return []


def text_role(name, rawtext, text, lineno, inliner, options=None, content=None):
    return [nodes.Text(text)], []


def setup(app):
    for name in DIRECTIVES:
        app.add_directive(name, StandIn)
    domains = {}
    for name in ROLES:
        if ":" in name:  # a domain's role, such as footcite:p
            domain, role = name.split(":")
            domains.setdefault(domain, {})[role] = text_role
        else:
            app.add_role(name, text_role)
    for domain, domain_roles in domains.items():
        app.add_domain(type(domain, (Domain,), {"name": domain, "label": domain, "roles": domain_roles}))
""")
# sphinxcontrib-bibtex's, as the site's pages use them.
BIBTEX_DIRECTIVES = ("footbibliography",)
BIBTEX_ROLES = ("footcite:p", "footcite:t", "footcite:ps", "footcite:ts")


class _Registrations:
    """Stands for the Sphinx application while the site's extension registers itself: keeps the
    names of its directives and roles, and ignores the rest."""

    def __init__(self) -> None:
        self.directives: list[str] = list(BIBTEX_DIRECTIVES)
        self.roles: list[str] = list(BIBTEX_ROLES)
        # No handler yet: the site's extension re-connects Furo's (lnox_site.site.quiet).
        self.events = SimpleNamespace(listeners=defaultdict(list))

    def add_directive(self, name: str, *args: object, **kwargs: object) -> None:
        self.directives.append(name)

    def add_role(self, name: str, *args: object, **kwargs: object) -> None:
        self.roles.append(name)

    def __getattr__(self, name: str) -> object:
        return lambda *args, **kwargs: None


@dataclass
class Run:
    """One ``sphinx-build``: its status, time, memory and the documents it read and wrote."""

    status: int
    seconds: float
    peak_kib: int
    read: list[str] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    updating: str = ""
    cards: int | None = None  # social cards drawn (the others came from the cache)


def stamps(folder: Path, suffix: str) -> dict[str, int]:
    """The modification time of each file of ``folder`` ending in ``suffix``, by document name."""
    files = folder.rglob(f"*{suffix}") if folder.exists() else ()
    return {
        path.relative_to(folder).as_posix()[: -len(suffix)]: path.stat().st_mtime_ns
        for path in files
    }


def timed(command: list[str], cwd: Path, out: Path | None = None) -> Run:
    """Run ``command`` under /usr/bin/time; ``out`` is the folder of the built language, whose
    doctrees and pages written again tell what the build read and wrote (Sphinx's log does not
    name every document of a parallel build)."""
    doctrees = out.parent.parent / "doctrees" / out.name if out else None
    before = (stamps(doctrees, ".doctree"), stamps(out, ".html")) if out else ({}, {})
    # Beside the site, not in it: the content checks would see a new file at every build.
    report = cwd.with_name(f"{cwd.name}-time.txt")
    result = subprocess.run(
        ["/usr/bin/time", "-v", "-o", str(report), *command],
        cwd=cwd, capture_output=True, text=True, check=False,
    )  # fmt: skip
    usage = report.read_text()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", usage)
    hours, minutes, seconds = (float(part or 0) for part in wall.groups())
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", usage).group(1))
    output = result.stdout + result.stderr
    if result.returncode:
        print(output[-3000:], file=sys.stderr)
    updating = UPDATING.search(output)
    drawn = CARDS_DRAWN.search(output)
    read, written = [], []
    if out:
        documents = stamps(doctrees, ".doctree")
        pages = stamps(out, ".html")
        read = sorted(name for name, stamp in documents.items() if before[0].get(name) != stamp)
        # Pages of documents only: Sphinx writes its search and 404 pages at every build.
        written = sorted(
            name
            for name, stamp in pages.items()
            if name in documents and before[1].get(name) != stamp
        )
    return Run(
        result.returncode, hours * 3600 + minutes * 60 + seconds, peak, read, written,
        updating.group(1) if updating else "", int(drawn.group(1)) if drawn else None,
    )  # fmt: skip


class _Resources(HTMLParser):
    """The stylesheets and scripts a page links."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.urls.append(values["href"])
        elif tag == "script" and values.get("src"):
            self.urls.append(values["src"])


def page_weight(page: Path) -> int:
    """Bytes of the page plus the local stylesheets and scripts it links (uncompressed)."""
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8"))
    total = page.stat().st_size
    for url in parser.urls:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            raise ValueError(f"{page}: loads {url} from another site")
        total += (page.parent / parts.path).stat().st_size
    return total


def search_index_bytes(folder: Path) -> tuple[int, int]:
    """Bytes of a language's search index, as written and gzip-compressed (level 6, the usual
    setting of web servers)."""
    data = (folder / "searchindex.js").read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6, mtime=0))


def card_costs(folder: Path) -> dict[str, float]:
    """The social cards of a built language: how many, the milliseconds to draw one (each drawn
    again from the texts it carries, as a build draws it when its text changed) and their bytes."""
    names = {spec.name for spec in fields(card_image.CardText)}
    pngs = sorted(folder.rglob("*.png"))
    texts = []
    for png in pngs:
        with Image.open(png) as image:
            shown = json.loads(image.text[card_image.KEYWORD])
        texts.append(card_image.CardText(**{k: v for k, v in shown.items() if k in names}))
    started = time.perf_counter()
    for text in texts:
        card_image.draw(text)
    sizes = [png.stat().st_size for png in pngs]
    return {
        "count": len(pngs),
        "ms_per_card": 1000 * (time.perf_counter() - started) / max(len(pngs), 1),
        "mean_bytes": sum(sizes) / max(len(sizes), 1),
        "max_bytes": max(sizes, default=0),
    }


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def bare_conf(folder: Path) -> Path:
    registrations = _Registrations()
    lnox_site.setup(registrations)
    folder.mkdir(parents=True, exist_ok=True)
    conf = BARE_CONF.substitute(
        directives=repr(registrations.directives), roles=repr(registrations.roles)
    )
    (folder / "conf.py").write_text(conf, encoding="utf-8")
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise ValueError(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Save:
    """One save while the preview runs: the seconds from the write to the edited page written with
    the edit, and to the browser reloaded; the documents whose pages were written again; the
    seconds of each phase, as the preview printed them."""

    page_seconds: float
    build_seconds: float
    written: list[str]
    phases: dict[str, float] = field(default_factory=dict)


PHASE = re.compile(r"(\w+) ([\d.]+) s")
READY = "the next build is ready"


def preview_save(preview: Running, site: Path, page: str, old: str, new: str, shows: str) -> Save:
    """Edit ``page`` (a document name) of the running preview of ``site`` (started with
    ``phases``), replacing ``old`` by ``new``, and time the preview until the page shows
    ``shows``. The edit comes once the preview is ready for it, as when someone edits a page."""
    said = [line for line in preview.recent().splitlines() if PREFIX in line]
    ready = (bool(said) and READY in said[-1]) or preview.wait_for(READY, 600)
    if not ready:
        raise RuntimeError("the preview did not prepare its next build:\n" + preview.recent())
    out = build_folder(site) / "serve" / SOURCE_LANGUAGE
    doctrees = build_folder(site) / "serve-doctrees" / SOURCE_LANGUAGE
    before = stamps(out, ".html")
    shown = out / f"{page}.html"
    started = time.perf_counter()
    edit(site / "docs" / f"{page}.md", old, new)
    while shows not in shown.read_text(encoding="utf-8"):
        if time.perf_counter() - started > 600:
            raise RuntimeError(f"the preview did not show the edit of {page}")
        time.sleep(0.02)
    page_seconds = time.perf_counter() - started
    phases = preview.wait_for(rf"{PREFIX} (detect .*) =", 600)
    build_seconds = time.perf_counter() - started
    finish = preview.wait_for(rf"{PREFIX} (finish [\d.]+ s)", 600)
    documents = stamps(doctrees, ".doctree")
    written = sorted(
        name
        for name, stamp in stamps(out, ".html").items()
        if name in documents and before.get(name) != stamp
    )
    seconds = {name: float(value) for name, value in PHASE.findall(phases[1] + finish[1])}
    return Save(page_seconds, build_seconds, written, seconds)


def check_second_run() -> float | None:
    """Seconds of ``nox -s check`` on the project run twice, the second time; None without nox."""
    nox = shutil.which("nox")
    if nox is None:
        return None
    for _ in range(2):
        started = time.perf_counter()
        subprocess.run([nox, "-s", "check"], cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - started


# The README's test commands: the quick lane a contributor runs before a push, the whole suite CI
# runs on a pull request.
SUITES = {"quick lane": ["-m", "not slow"], "whole suite": []}
PASSED = re.compile(r"(\d+) passed")


@dataclass
class Suite:
    seconds: float
    passed: int
    status: int


def suite_times() -> dict[str, Suite]:
    """Each of SUITES timed as ``nox -s tests`` runs it, its environment installed beforehand (as
    on a contributor's machine after the first run); empty without nox."""
    nox = shutil.which("nox")
    if nox is None:
        return {}
    subprocess.run(
        [nox, "-s", "tests", "--install-only"], cwd=ROOT, capture_output=True, check=True
    )
    times = {}
    for name, options in SUITES.items():
        started = time.perf_counter()
        result = subprocess.run(
            [nox, "-s", "tests", "--", "-q", *options],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        passed = PASSED.findall(result.stdout)
        times[name] = Suite(
            time.perf_counter() - started, int(passed[-1]) if passed else 0, result.returncode
        )
    return times


def _summary(names: list[str], limit: int = 3) -> str:
    shown = ", ".join(names[:limit])
    return f"{len(names)}" + (f" ({shown}{', …' if len(names) > limit else ''})" if names else "")


def measure(site: Path, scale: int) -> dict:
    """The measures of one scale; the site's copy is in ``site``."""
    languages = list(LANGUAGES)
    docs, html, bare = site / "docs", site / "out" / "html", site / "bare" / "html"
    conf = bare_conf(site / "bare-conf")
    results: dict = {"scale": scale, "languages": languages, "load": [os.getloadavg()[0]]}

    def site_build(language: str, *extra: str, out: Path = html) -> Run:
        return timed(sphinx_command(docs, out, language, extra), site, out / language)

    results["clean"] = {lang: site_build(lang) for lang in languages}
    # In one process: the stand-in domains of the bare configuration cannot merge parallel reads.
    bare_options = ("-c", str(conf), "-j", "1")
    results["bare"] = timed(sphinx_command(docs, bare, SOURCE_LANGUAGE, bare_options), site)
    results["serial"] = site_build(SOURCE_LANGUAGE, "-j", "1", out=site / "serial" / "html")
    results["noop"] = site_build(SOURCE_LANGUAGE)
    out = html / SOURCE_LANGUAGE
    results["output_bytes"] = sum(folder_size(html / lang) for lang in languages)
    results["home_bytes"] = page_weight(out / HOME)
    results["post_bytes"] = page_weight(out / f"{POST}.html")
    results["search_index"] = {lang: search_index_bytes(html / lang) for lang in languages}
    results["cards"] = card_costs(out / cards.FOLDER)
    edit(docs / f"{POST}.md", "\n# ", "\n# Modifié : ")
    results["edit_post"] = site_build(SOURCE_LANGUAGE)
    edit(docs / f"{THEME_PAGE}.md", "\n## ", "\nUne phrase ajoutée.\n\n## ")
    results["edit_theme"] = site_build(SOURCE_LANGUAGE)
    edit(site / BIBFILE, "title    = {Disruption", "title    = {The disruption")
    results["edit_bib"] = site_build(SOURCE_LANGUAGE)
    edit(site / BIBFILE, "title    = {Uncertainty in", "title    = {Uncertainty about")
    results["edit_unshown_bib"] = site_build(SOURCE_LANGUAGE)
    with Running(site, phases=True) as preview:
        results["preview_idle"] = preview.wait_for("Detected changes", IDLE) is not None
        sentence = "Une autre phrase ajoutée."
        results["preview_theme"] = preview_save(
            preview, site, THEME_PAGE, "\n## ", f"\n{sentence}\n\n## ", sentence
        )
        results["preview_post"] = preview_save(
            preview, site, POST, "# Modifié", "# Titre modifié", "Titre modifié"
        )
    results["load"].append(os.getloadavg()[0])
    return results


def runs(result: dict) -> list[Run]:
    """Every build of one scale."""
    return [*result["clean"].values(), *(v for v in result.values() if isinstance(v, Run))]


def table(all_results: list[dict], info: list[dict]) -> str:
    """One row per measure, one column per scale."""

    def status(run: Run) -> str:
        return "" if run.status == 0 else f" **failed ({run.status})**"

    def clean(runs: dict[str, Run]) -> str:
        total = sum(run.seconds for run in runs.values())
        each = " + ".join(f"{run.seconds:.1f}" for run in runs.values())
        return f"{each} = {total:.1f}" + "".join(status(run) for run in runs.values())

    def alone(run: Run) -> str:
        return f"{run.seconds:.1f}{status(run)}"

    def incremental(run: Run) -> str:
        return (
            f"{run.seconds:.1f} s; read {_summary(run.read)}; written {_summary(run.written)}"
            + ("" if run.cards is None else f"; cards drawn: {run.cards}")
            + status(run)
        )

    def card_cost(costs: dict[str, float]) -> str:
        return (
            f"{costs['ms_per_card']:.0f} ms; {costs['mean_bytes'] / 1024:.1f} KiB "
            f"(largest {costs['max_bytes'] / 1024:.1f})"
        )

    def save(run: Save) -> str:
        return (
            f"{run.page_seconds:.1f} s; reloaded after {run.build_seconds:.1f} s; "
            f"written {_summary(run.written)}"
        )

    def phases(run: Save) -> str:
        return ", ".join(f"{name} {seconds:.2f}" for name, seconds in run.phases.items())

    def per_document(result: dict, counts: dict) -> str:
        runs = result["clean"].values()
        return f"{1000 * sum(run.seconds for run in runs) / (counts['documents'] * len(runs)):.0f}"

    source = SOURCE_LANGUAGE
    rows = {
        "languages built": [" + ".join(r["languages"]) for r in all_results],
        "documents per language": [str(i["documents"]) for i in info],
        "news posts": [str(i["posts"]) for i in info],
        "BibTeX entries": [str(i["entries"]) for i in info],
        "clean build (s)": [clean(r["clean"]) for r in all_results],
        "clean build per document (ms)": list(map(per_document, all_results, info)),
        f"bare configuration, serial, {source} (s)": [alone(r["bare"]) for r in all_results],
        f"site / bare, serial, {source}": [
            f"{r['serial'].seconds / r['bare'].seconds:.2f}" for r in all_results
        ],
        f"clean, serial (-j 1), {source} (s)": [alone(r["serial"]) for r in all_results],
        "no-op rebuild": [incremental(r["noop"]) for r in all_results],
        f"edit {THEME_PAGE}": [incremental(r["edit_theme"]) for r in all_results],
        "edit one news post's title": [incremental(r["edit_post"]) for r in all_results],
        f"edit {BIB_KEY} in references.bib": [incremental(r["edit_bib"]) for r in all_results],
        f"edit {UNSHOWN_KEY} (shown on no page)": [
            incremental(r["edit_unshown_bib"]) for r in all_results
        ],
        f"preview: save {THEME_PAGE} → page shown": [save(r["preview_theme"]) for r in all_results],
        "preview: save a news title → post shown": [save(r["preview_post"]) for r in all_results],
        f"preview phases, {THEME_PAGE} (s)": [phases(r["preview_theme"]) for r in all_results],
        "preview phases, news title (s)": [phases(r["preview_post"]) for r in all_results],
        f"preview: a build within {IDLE:.0f} s with no edit": [
            "yes" if r["preview_idle"] else "no" for r in all_results
        ],
        "social cards drawn, clean build": [
            " + ".join(str(run.cards) for run in r["clean"].values()) for r in all_results
        ],
        f"social card: time to draw one, bytes, {source}": [
            card_cost(r["cards"]) for r in all_results
        ],
        "peak memory (MiB)": [
            f"{max(x.peak_kib for x in r['clean'].values()) / 1024:.0f}" for r in all_results
        ],
        "output, all languages (MiB)": [f"{r['output_bytes'] / 2**20:.1f}" for r in all_results],
        "home page loads (KiB)": [f"{r['home_bytes'] / 1024:.1f}" for r in all_results],
        "news post loads (KiB)": [f"{r['post_bytes'] / 1024:.1f}" for r in all_results],
        "search index, gzip (raw) (KiB)": [
            " + ".join(
                f"{lang} {packed / 1024:.1f} ({raw / 1024:.0f})"
                for lang, (raw, packed) in r["search_index"].items()
            )
            for r in all_results
        ],
        "load average (start → end)": [
            f"{r['load'][0]:.1f} → {r['load'][1]:.1f}" for r in all_results
        ],
    }
    head = "| measure | " + " | ".join(f"x{r['scale']}" for r in all_results) + " |"
    lines = [head, "|---" * (len(all_results) + 1) + "|"]
    lines += [f"| {name} | " + " | ".join(values) + " |" for name, values in rows.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=",".join(map(str, SCALES)))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "_build" / "bench")
    parser.add_argument(
        "--no-tests", action="store_true", help="leave out the timing of the test suites"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    all_results, info = [], []
    for scale in (int(s) for s in args.scales.split(",")):
        site = args.out / "sites" / f"x{scale}"
        counts = synthetic.generate(ROOT, site, scale)
        print(f"x{scale}: {counts}", flush=True)
        results = measure(site, scale)
        counts["documents"] = len(results["clean"][SOURCE_LANGUAGE].read)
        all_results.append(results)
        info.append(counts)
    report = table(all_results, info)
    check = check_second_run()
    if check is not None:
        report += f"\n`nox -s check` on the project, second run: {check:.1f} s.\n"
    for name, suite in ({} if args.no_tests else suite_times()).items():
        failed = "" if suite.status == 0 else f", **failed ({suite.status})**"
        report += f"\n`nox -s tests`, {name}: {suite.seconds:.0f} s, {suite.passed} passed{failed}."
    elapsed = time.perf_counter() - started
    report += f"\nWhole run: {elapsed:.0f} s on {os.cpu_count()} CPUs.\n"
    print(report)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "report.md").write_text(report, encoding="utf-8")
    (args.out / "results.json").write_text(
        json.dumps(all_results, indent=1, default=asdict), encoding="utf-8"
    )
    return 1 if any(run.status for result in all_results for run in runs(result)) else 0


if __name__ == "__main__":
    sys.exit(main())
