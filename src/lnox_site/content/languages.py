"""The languages of the site: French is the source, English comes from the catalogues."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date as babel_format_date

# The language the pages are written in, first; the others come from the .po catalogues.
LANGUAGES: dict[str, str] = {"fr": "Français", "en": "English"}
SOURCE_LANGUAGE = "fr"
# Babel locale of each language, for dates: « 7 novembre 2019 », "7 November 2019".
LOCALES: dict[str, str] = {"fr": "fr_FR", "en": "en_GB"}


def format_date(date: dt.date, language: str, pattern: str = "long") -> str:
    """A date written out the way readers of ``language`` write it (a Babel ``pattern``): French
    writes the first of a month as an ordinal, « 1er décembre 2021 »."""
    text = babel_format_date(date, format=pattern, locale=LOCALES.get(language, LOCALES["fr"]))
    if language == "fr" and date.day == 1 and (text == "1" or text.startswith("1 ")):
        return f"1er{text[1:]}"
    return text
