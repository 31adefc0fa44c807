"""Build the whole site: every language into ``<out>/<lang>/`` plus the root pages that tie them.

Used by ``nox -s docs`` and by the test suite, so that both build exactly the same way::

    python -m lnox_site.build docs docs/_build/html [sphinx options…]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from lnox_site.content.languages import LANGUAGES, SOURCE_LANGUAGE
from lnox_site.content.wording import __
from lnox_site.site.csp import PENDING, secure
from lnox_site.site.i18n import configured_site_url
from lnox_site.site.metadata import root_files
from lnox_site.upstream.sphinx import read_config

# Nitpicky, warnings are errors, but every warning of a run is shown before it fails.
STRICT = ("-n", "-W", "--keep-going")
# Pages read and written on every core: faster at every scale (README, Build performance);
# `-j 1` among the extra options builds in one process.
PARALLEL = ("-j", "auto")

ROOT_INDEX = """<!doctype html>
<html lang="{default}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
{policy}
<title>{site}</title>
<link rel="icon" href="{default}/_static/favicon.svg">
<noscript><meta http-equiv="refresh" content="0; url={default}/"></noscript>
<script>
// Send the reader to the language their browser asks for, French otherwise.
(function () {{
  var offered = {offered};
  var wanted = (navigator.languages || [navigator.language || ""]);
  for (var i = 0; i < wanted.length; i++) {{
    var code = String(wanted[i]).slice(0, 2).toLowerCase();
    if (offered.indexOf(code) !== -1) {{ location.replace(code + "/"); return; }}
  }}
  location.replace("{default}/");
}})();
</script>
</head>
<body>
<main>
<h1>{site}</h1>
<ul>
{links}
</ul>
</main>
</body>
</html>
"""


def sphinx_command(source: Path, out: Path, language: str, extra: Sequence[str] = ()) -> list[str]:
    """The ``sphinx-build`` call for one language, doctrees kept out of the published folder."""
    doctrees = out.parent / "doctrees" / language
    return [
        sys.executable, "-m", "sphinx", *STRICT, *PARALLEL, "-b", "html",
        "-D", f"language={language}", "-d", str(doctrees), *extra,
        str(source), str(out / language),
    ]  # fmt: skip


def site_name(source: Path) -> str:
    """The site's name, ``project`` in the ``conf.py`` of ``source``."""
    return read_config(source).project


def site_address(source: Path) -> str:
    """The site's public address, as the build of ``source`` gives its pages."""
    return configured_site_url(read_config(source))


def root_index(site: str) -> str:
    """The page served at the site root: a redirect to the reader's language."""
    links = "\n".join(
        f'<li><a href="{code}/" lang="{code}" hreflang="{code}">{name}</a></li>'
        for code, name in LANGUAGES.items()
    )
    offered = "[" + ", ".join(f'"{code}"' for code in LANGUAGES) + "]"
    page = ROOT_INDEX.format(
        default=SOURCE_LANGUAGE, offered=offered, links=links, site=site, policy=PENDING
    )
    return secure(page)


def build(source: Path, out: Path, extra: Sequence[str] = (), languages: Sequence[str] = ()) -> int:
    """Build each language in turn; returns the first non-zero exit status, or 0."""
    status = 0
    for language in languages or LANGUAGES:
        result = subprocess.run(sphinx_command(source, out, language, extra), check=False)
        status = status or result.returncode
    out.mkdir(parents=True, exist_ok=True)
    site = site_name(source)
    (out / "index.html").write_text(root_index(site), encoding="utf-8")
    for name, text in root_files(site_address(source), site).items():
        (out / name).write_text(text, encoding="utf-8")
    return status


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help=__("the Sphinx source folder (docs)"))
    parser.add_argument("out", type=Path, help=__("the output folder (docs/_build/html)"))
    parser.add_argument("--language", action="append", choices=list(LANGUAGES), default=[],
                        help=__("build only this language (repeatable)"))  # fmt: skip
    args, extra = parser.parse_known_args(argv)
    status = build(args.source, args.out, extra, args.language)
    if status == 0:
        built = __("The site is built: open {address}")
        print("\n" + built.format(address=(args.out / "index.html").resolve().as_uri()))
    return status


if __name__ == "__main__":
    sys.exit(main())
