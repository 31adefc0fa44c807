"""The catalogues of the words the extension writes (``lnox_site.content.wording``), gathered from
the code: ``nox -s translate`` runs ``python -m lnox_site.wording_catalogues``.

Every marked word of ``src/lnox_site`` goes into the template of its domain
(``locales/<domain>.pot``), and each catalogue (``locales/<language>/LC_MESSAGES/<domain>.po``) gets the
new words, empty for the translator, and loses the ones the code no longer writes. A file is
written only when its words changed, so a run that changes nothing changes no file. It exits 1 and
lists the words left to translate, each on its line of its catalogue.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from lnox_site.content.languages import LANGUAGES
from lnox_site.content.wording import (
    CONSOLE,
    CONTRIBUTOR_LANGUAGES,
    LOCALE_DIR,
    PAGES,
    WRITTEN_IN,
    __,
    catalogue_path,
    template_path,
    untranslated,
)

PACKAGE = LOCALE_DIR.parent
# The functions that mark a word of each domain, and which of their arguments are the words.
KEYWORDS = {
    PAGES: {"_": (1,), "n_": (1, 2), "N_": (1,), "Nn_": (1, 2)},
    CONSOLE: {"__": (1,), "n__": (1, 2), "N__": (1,)},
}
WIDTH = 100


def languages(domain: str) -> list[str]:
    """The languages that need a catalogue of ``domain``: the site's for the page words, the
    contributors' for the messages."""
    wanted = LANGUAGES if domain == PAGES else CONTRIBUTOR_LANGUAGES
    return sorted(language for language in wanted if language != WRITTEN_IN)


def template(domain: str) -> Catalog:
    """Every word of ``domain`` that the code marks, with the modules that write it."""
    gathered = Catalog(project="lnox_site", fuzzy=False)
    found = extract_from_dir(
        PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS[domain],
        comment_tags=("Translators:",), strip_comment_tags=True,
    )  # fmt: skip
    for filename, line, message, comments, context in found:
        gathered.add(message, locations=[(filename, line)], auto_comments=comments, context=context)
    return gathered


def written(catalogue: Catalog, *, header: bool) -> bytes:
    text = io.BytesIO()
    write_po(
        text, catalogue, width=WIDTH, omit_header=not header, include_lineno=False,
        sort_by_file=False, sort_output=True, ignore_obsolete=True,
    )  # fmt: skip
    # One newline at the end, as the end-of-file hook of `nox -s lint` leaves a file.
    return text.getvalue().rstrip(b"\n") + b"\n"


def write_if_changed(path: Path, catalogue: Catalog, *, header: bool) -> bool:
    text = written(catalogue, header=header)
    if path.is_file() and path.read_bytes() == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text)
    return True


def update(domain: str) -> list[Path]:
    """Write the template of ``domain`` and bring each of its catalogues in step; the files
    written."""
    gathered = template(domain)
    changed = [template_path(domain)] if write_if_changed(
        template_path(domain), gathered, header=False
    ) else []  # fmt: skip
    for language in languages(domain):
        po = catalogue_path(language, domain)
        if po.is_file():
            with po.open("rb") as handle:
                catalogue = read_po(handle, locale=language)
        else:
            catalogue = Catalog(locale=language, project="lnox_site", fuzzy=False)
        catalogue.update(gathered, no_fuzzy_matching=True, update_creation_date=False)
        catalogue.obsolete.clear()
        if write_if_changed(po, catalogue, header=True):
            changed.append(po)
    return changed


def main() -> int:
    root = PACKAGE.parent.parent
    left = []
    for domain in (PAGES, CONSOLE):
        for path in update(domain):
            print(
                __("{file}: updated from the code").format(file=path.relative_to(root).as_posix())
            )
        for language in languages(domain):
            left += untranslated(language, domain)
    for word in left:
        place = word.catalogue.relative_to(root).as_posix()
        print(__("{place}: not translated yet: {word}").format(
            place=f"{place}:{word.line}", word=repr(word.message)
        ))  # fmt: skip
    return 1 if left else 0


if __name__ == "__main__":
    sys.exit(main())
