"""Lighthouse audit of key pages in every language: the four scores and the weight of each page.

    python -m benchmarks.audit docs/_build/html docs/_build/audit

Used by ``nox -s audit`` (never by the tests: scores depend on the machine). Pages audited: the home
page, a research theme page, the publications page and the latest news item, each falling back to
its section's index while the section has no such page. Lighthouse (npm, package-lock.json) runs
Debian's Chromium with its phone preset, against the built site served on the loopback interface
with gzip compression, as GitHub Pages serves it.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from lnox_site.content.languages import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
REPORT = "report.md"
COMPRESSED = {".html", ".css", ".js", ".svg", ".json", ".xml", ".txt"}


def pick(folder: Path, pattern: str, fallback: str) -> str:
    """The last page matching ``pattern`` (posts are named by date: the newest), or ``fallback``."""
    pages = sorted(
        p.relative_to(folder).as_posix() for p in folder.glob(pattern) if p.name != "index.html"
    )
    return pages[-1] if pages else fallback


def audited_pages(folder: Path) -> dict[str, str]:
    return {
        "home": "index.html",
        "theme": pick(folder, "recherche/*.html", "recherche/index.html"),
        "publications": "publications.html",
        "news": pick(folder, "actualites/[0-9]*/[0-9]*-*.html", "actualites/index.html"),
    }


class _Compressing(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzip-compressed, as GitHub Pages does, so that weights are realistic."""

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSED and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes())
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Compressing, directory=str(folder))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_port}/"
    finally:
        httpd.shutdown()


def lighthouse(url: str, output: Path) -> dict:
    subprocess.run(
        [
            str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROMIUM_FLAGS}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
    )  # fmt: skip
    return json.loads(output.read_text(encoding="utf-8"))


def summary(result: dict) -> dict:
    """Scores out of 100, the page weight, and the audits that cost points."""
    audits = result["audits"]
    failing = sorted(
        {
            ref["id"]
            for category in result["categories"].values()
            for ref in category["auditRefs"]
            if ref.get("weight", 0) > 0 and (audits[ref["id"]].get("score") or 0) < 1
        }
    )
    return {
        **{name: round(100 * (result["categories"][name]["score"] or 0)) for name in CATEGORIES},
        "kib": audits["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(audits["network-requests"]["details"]["items"]),
        "failing": failing,
    }


def table(rows: list[tuple[str, str, dict]]) -> str:
    lines = [
        "| page | perf | a11y | best practices | SEO | weight (KiB) | requests | audits below 100 |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for language, page, s in rows:
        scores = " | ".join(str(s[name]) for name in CATEGORIES)
        failing = ", ".join(s["failing"]) or "none"
        lines.append(
            f"| {language}/{page} | {scores} | {s['kib']:.0f} | {s['requests']} | {failing} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site (docs/_build/html)")
    parser.add_argument("out", type=Path, help="where to write the reports (docs/_build/audit)")
    args = parser.parse_args(argv)
    if not LIGHTHOUSE.exists():
        sys.exit(f"{LIGHTHOUSE} is missing: run `npm ci` in {ROOT}")
    args.out.mkdir(parents=True, exist_ok=True)
    rows = []
    with serve(args.site) as base:
        for language in LANGUAGES:
            for name, page in audited_pages(args.site / language).items():
                output = args.out / f"{language}-{name}.json"
                rows.append(
                    (language, page, summary(lighthouse(base + f"{language}/{page}", output)))
                )
    report = table(rows)
    (args.out / REPORT).write_text(report, encoding="utf-8")
    print(report)
    print(f"Full reports: {args.out.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
