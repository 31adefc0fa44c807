"""What a DOI looks like, for every file that names one (references.bib, a post's ``doi:``, the
text of a page and of its translation): ``10.``, the registrant's number, ``/`` and a suffix that
may hold any printable character, ``<`` and ``>`` included (10.1002/(SICI)…<…>…)."""

from __future__ import annotations

import re

DOI = re.compile(r"\b10\.\d{4,9}/\S+")


def is_doi(text: str) -> bool:
    """``10.1038/s41388-019-1069-y`` is one; ``https://doi.org/10.1038/…`` is not."""
    return DOI.fullmatch(text) is not None
