"""Words without their accents: the one folding of the site, for its search index, the team's
names in author lists and the file names of new posts."""

from __future__ import annotations

import unicodedata

# Letters that Unicode does not decompose into a base letter and an accent.
LIGATURES = {
    "œ": "oe",
    "æ": "ae",
    "ß": "ss",
    "ø": "o",
    "ł": "l",
    "đ": "d",
    "\u0131": "i",  # dotless i
}


def fold(text: str) -> str:
    """Lower case, without accents, ligatures spelt out, spaces of every kind one space:
    ``Hérault`` and ``HERAULT`` are ``herault``, ``cœur`` is ``coeur``, ``Gyan\u00a0E.`` sorts as
    ``gyan e.``. The marks dropped are Unicode's ``Mn``, as the search page's JavaScript drops them
    (``\\p{Mn}``), so that a query is folded as the index was (a word has no spaces)."""
    decomposed = unicodedata.normalize("NFD", " ".join(text.split()).lower())
    plain = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return "".join(LIGATURES.get(c, c) for c in plain)
