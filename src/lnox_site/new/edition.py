"""``nox -s new -- edition YEAR [NUMBER]``: the skeleton of a symposium edition page."""

from __future__ import annotations

import re
from pathlib import Path

from lnox_site.content.editions import load
from lnox_site.content.paths import SYMPOSIUM
from lnox_site.content.wording import N__, __

# The comments are in the contributor's language: translated where the page is written.
TEMPLATE = N__("""\
---
# The facts of the edition: they head the page, fill the table of the series and tell search
# engines about the event. Each field is checked when the site is built. Leave out what you do not
# know rather than guess; remove the "# " in front of a field to use it. Below the title, present
# the edition in a few sentences: its facts are shown at the top of the page.
edition: {number}{number_note}
year: {year}
# start: {year}-11-07  # first day, YYYY-MM-DD
# end: {year}-11-08  # last day (leave it out for a one-day meeting)
# city: Tours
# venue: the building or the room
# chair: Prénom Nom
# aegis:  # « sous l'égide de »
#   - name of a body the edition is held under
# organisers:
#   - name of an organising body
# partners:
#   - name of a partner
# themes:
#   - fr: un thème
#     en: a theme
# speakers:
#   - Prénom Nom (institution)
# programme: https://…
# links:
#   - title:
#       fr: titre du lien
#       en: title of the link
#     url: https://…
---

# Symposium «\u00a0Niches Tumorales\u00a0» {year}

""")


def new_edition(root: Path, args: list[str]) -> list[Path]:
    """``edition 2020 [10]``: the page of an edition; its number is asked when it cannot be told."""
    if not args or not re.fullmatch(r"\d{4}", args[0]) or len(args) > 2:
        raise SystemExit(__("usage: nox -s new -- edition YEAR [NUMBER], e.g. edition 2020"))
    year = int(args[0])
    path = root / SYMPOSIUM / f"{year}.md"
    if path.exists():
        raise SystemExit(__("{path} already exists: edit it").format(path=path.relative_to(root)))
    editions = load(root)[0]
    if len(args) == 2:
        number, note = int(args[1]), ""
    elif editions:
        nearest = min(editions, key=lambda e: abs(e.year - year))
        number = nearest.number + year - nearest.year
        note = "  # " + __(
            "deduced from the {year} edition, assuming one edition a year: check it"
        ).format(year=nearest.year)
    else:
        raise SystemExit(
            __("give the edition's number: nox -s new -- edition {year} NUMBER").format(year=year)
        )
    if number < 1:
        raise SystemExit(
            __("no edition number fits {year}: give it, edition {year} NUMBER").format(year=year)
        )
    path.write_text(
        __(TEMPLATE).format(year=year, number=number, number_note=note), encoding="utf-8"
    )
    return [path]
