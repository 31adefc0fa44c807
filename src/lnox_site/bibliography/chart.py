"""The chart of the team's publications per year: an HTML table whose cells carry CSS bars.

The table is the chart and its own text alternative: a screen reader reads years and counts, a
phone shows one row per year, and the bars take furo's colours, so both themes work. It is written
at build time from references.bib; no script is involved. Styles: ``.lnox-chart`` in lnox.css.
Each bar is an empty ``<svg>`` whose ``width`` attribute gives its length: a ``style`` attribute
would be refused by the site's Content-Security-Policy (``lnox_site.site.csp``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from html import escape

from lnox_site.content.wording import N_, _

LABELS = {
    "caption": N_("The team’s publications per year"),
    "year": N_("Year"),
    "count": N_("Publications"),
}


def html(years: list[int], language: str, anchor: Callable[[int], str]) -> str:
    """One row per year from the newest to the oldest, empty years included; a year with
    publications links to its heading, whose id is ``anchor(year)``."""
    if not years:
        return ""
    counts = Counter(years)
    most = max(counts.values())
    rows = []
    for year in range(max(years), min(years) - 1, -1):
        count = counts[year]
        label = f'<a href="#{anchor(year)}">{year}</a>' if count else str(year)
        bar = f'<svg class="lnox-chart-bar" width="{100 * count / most:.0f}%"></svg>'
        rows.append(
            f'<tr><th scope="row">{label}</th><td><span class="lnox-chart-value">{count}</span>'
            f'<span class="lnox-chart-track" aria-hidden="true">{bar if count else ""}</span></td></tr>'
        )
    text = {name: escape(_(label, language)) for name, label in LABELS.items()}
    return (
        '<table class="lnox-chart">\n'
        f"<caption>{text['caption']}</caption>\n"
        f'<thead><tr><th scope="col">{text["year"]}</th>'
        f'<th scope="col">{text["count"]}</th></tr></thead>\n'
        "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )
