"""Measure what citations and the publication list cost in a build, on a synthetic lab site.

    python benchmarks/citations.py [--project DIR] [--pages 200] [--cites 8] [--entries 2000]
                                   [--publications list|per-year]

The site is the project's own (docs/ and references.bib of DIR, default: this checkout) plus, from
a seeded generator: ``--entries`` BibTeX entries (one in five marked ``lnox``, 35 years), and
``--pages`` pages that each cite ``--cites`` entries with ``{footcite:p}`` and end with
``{footbibliography}``. ``--publications per-year`` replaces the Publications page with one
filtered ``{bibliography}`` per year, the approach the site avoids (its bibliography lint refuses
it, so this variant only builds on a checkout without the lint).

It builds the French site three times with the Python running the script (whose ``lnox_site`` is
the checkout's): a clean build and a rebuild with nothing changed, timed, then a clean build under
cProfile, from which it reports how often pybtex/sphinxcontrib-bibtex scanned the installed
packages' entry points (``importlib.metadata.entry_points``) and the time spent in the citation
and list code. Compare two checkouts by running it with each one's environment.
"""

from __future__ import annotations

import argparse
import cProfile
import importlib
import pstats
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST_YEAR, YEARS = 1990, 35
SURNAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
            "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David"]  # fmt: skip
JOURNALS = ["Blood", "Leukemia", "Haematologica", "Cancers", "Oncogene", "Stem Cells"]
KEYWORDS = ["niche", "gap-junctions", "oxidative-metabolism", "pesticides", "epigenetics"]
# Where the time of a build goes: the functions watched in the profile.
WATCHED = {
    "entry-point scans": "importlib.metadata:entry_points",
    "footcite roles": "sphinxcontrib.bibtex.foot_roles:FootCiteRole.run",
    "bibliography filtering": "sphinxcontrib.bibtex.domain:BibtexDomain.env_updated",
    "bibliography rendering": "sphinxcontrib.bibtex.transforms:BibliographyTransform.run",
    "publication list": "lnox_site.bibliography.publications:_resolve",
}


def entries(count: int, rng: random.Random) -> str:
    lines = []
    for number in range(count):
        people = " and ".join(
            f"{rng.choice(SURNAMES)}, {chr(65 + rng.randrange(26))}."
            for _ in range(rng.randint(1, 6))
        )
        keywords = [rng.choice(KEYWORDS)] + (["lnox"] if number % 5 == 0 else [])
        lines.append(
            f"@article{{bench{number:05d},\n  author = {{{people}}},\n  title = {{Synthetic study {number}}},\n"
            f"  journal = {{{rng.choice(JOURNALS)}}},\n  year = {{{FIRST_YEAR + number % YEARS}}},\n"
            f"  volume = {{{rng.randint(1, 140)}}},\n  pages = {{{number}--{number + 9}}},\n"
            f"  doi = {{10.5555/bench.{number}}},\n  keywords = {{{', '.join(keywords)}}}\n}}\n"
        )
    return "\n".join(lines)


def page(number: int, cites: int, keys: int, rng: random.Random) -> str:
    cited = ". ".join(
        f"Claim {i} {{footcite:p}}`bench{rng.randrange(keys):05d}`" for i in range(cites)
    )
    return f"# Page {number}\n\n{cited}.\n\n```{{footbibliography}}\n```\n"


def per_year_page() -> str:
    blocks = [
        f'## {year}\n\n```{{bibliography}}\n:filter: keywords % "lnox" and year == "{year}"\n```\n'
        for year in range(FIRST_YEAR + YEARS - 1, FIRST_YEAR - 1, -1)
    ]
    return "# Publications\n\n" + "\n".join(blocks)


def make_site(project: Path, where: Path, args: argparse.Namespace) -> Path:
    rng = random.Random(2026)
    shutil.copytree(project / "docs", where / "docs", ignore=shutil.ignore_patterns("_build"))
    bib = (project / "references.bib").read_text(encoding="utf-8")
    (where / "references.bib").write_text(bib + "\n" + entries(args.entries, rng), encoding="utf-8")
    bench = where / "docs" / "bench"
    bench.mkdir()
    for number in range(args.pages):
        text = page(number, args.cites, args.entries, rng)
        (bench / f"p{number:04d}.md").write_text(text, encoding="utf-8")
    toctree = "\n".join(f"p{n:04d}" for n in range(args.pages))
    (bench / "index.md").write_text(
        f"# Bench\n\n```{{toctree}}\n{toctree}\n```\n", encoding="utf-8"
    )
    index = where / "docs" / "index.md"
    index.write_text(
        index.read_text(encoding="utf-8") + "\n```{toctree}\n:hidden:\n\nbench/index\n```\n"
    )
    if args.publications == "per-year":
        (where / "docs" / "publications.md").write_text(per_year_page(), encoding="utf-8")
    return where / "docs"


def sphinx(docs: Path, out: Path, fresh: bool) -> list[str]:
    return [
        "-b", "html", "-q", "-D", "language=fr", "-d", str(out / "doctrees"),
        *(["-E"] if fresh else []), str(docs), str(out / "html"),
    ]  # fmt: skip


def timed(docs: Path, out: Path, fresh: bool) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "sphinx", *sphinx(docs, out, fresh)], check=True)
    return time.perf_counter() - start


def profiled(docs: Path, out: Path) -> pstats.Stats:
    from sphinx.cmd.build import build_main

    profile = cProfile.Profile()
    profile.runcall(build_main, sphinx(docs, out, fresh=True))
    return pstats.Stats(profile)


def profile_key(path: str) -> tuple[str, int, str]:
    """The key of a function in cProfile's statistics: its file, first line and name."""
    module, _, name = path.partition(":")
    function = importlib.import_module(module)
    for part in name.split("."):
        function = getattr(function, part)
    code = function.__code__
    return code.co_filename, code.co_firstlineno, code.co_name


def watched(stats: pstats.Stats) -> dict[str, tuple[int, float]]:
    """Calls and cumulative seconds of each watched function."""
    found = {}
    for label, path in WATCHED.items():
        _, calls, _, cumulative, _ = stats.stats.get(profile_key(path), (0, 0, 0, 0.0, {}))
        found[label] = (calls, cumulative)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--project", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--cites", type=int, default=8)
    parser.add_argument("--entries", type=int, default=2000)
    parser.add_argument("--publications", choices=["list", "per-year"], default="list")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        where = Path(temporary)
        docs = make_site(args.project.resolve(), where, args)
        clean = timed(docs, where / "out", fresh=True)
        noop = timed(docs, where / "out", fresh=False)
        stats = profiled(docs, where / "profiled")
        total = stats.total_tt
    citations = args.pages * args.cites
    print(f"{args.pages} pages x {args.cites} citations = {citations} citations, "
          f"{args.entries} extra entries, publications page: {args.publications}")  # fmt: skip
    print(f"clean build            {clean:7.2f} s")
    print(f"no-op rebuild          {noop:7.2f} s")
    print(f"profiled clean build   {total:7.2f} s (cProfile)")
    for label, (calls, seconds) in watched(stats).items():
        share = 100 * seconds / total if total else 0
        print(f"  {label:<24} {calls:>7} calls {seconds:7.2f} s {share:5.1f}%")


if __name__ == "__main__":
    main()
