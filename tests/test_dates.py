"""A date written YYYY-MM-DD that does not exist is reported with the part that is impossible,
wherever the content gives a date (news posts, symposium editions, people)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from conftest import checked

from lnox_site.content import records


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2026-13-40", "'2026-13-40' is impossible: there is no month 13 and no day 40"),
        ("2026-00-10", "'2026-00-10' is impossible: there is no month 00"),
        ("2026-04-00", "'2026-04-00' is impossible: there is no day 00"),
        ("2026-02-29", "'2026-02-29' is impossible: February 2026 has 28 days, not 29"),
        ("2019-11-31", "'2019-11-31' is impossible: November 2019 has 30 days, not 31"),
        ("31/12/2025", "'31/12/2025' is not a date written YYYY-MM-DD"),
        ("2025-1-5", "'2025-1-5' is not a date written YYYY-MM-DD"),
    ],
)
def test_a_wrong_date_says_what_is_wrong(written, message):
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        records.date(written)


def test_dates_that_exist_are_read():
    assert records.date("2024-02-29") == dt.date(2024, 2, 29)
    assert records.date(dt.date(2019, 11, 7)) == dt.date(2019, 11, 7)


# Where the content gives a date: the file, the line as it is, and the line with an impossible date.
PLACES = [
    ("docs/actualites/2019/2019-11-07-oncogene-jonctions-gap.md", "date: 2019-11-07", "date: 2019-13-40"),
    ("docs/symposium/2019.md", "start: 2019-11-07", "start: 2019-13-40"),
    ("docs/_data/people.yaml", "defended: 2021-12-01", "defended: 2019-13-40"),
]  # fmt: skip


@pytest.mark.parametrize(("path", "line", "impossible"), PLACES, ids=lambda v: v.split("/")[-1])
def test_the_check_names_the_impossible_part_everywhere(project, path, line, impossible):
    source = project / path
    text = source.read_text(encoding="utf-8")
    assert text.count(line) == 1
    number = text[: text.index(line)].count("\n") + 1
    source.write_text(text.replace(line, impossible), encoding="utf-8")
    problems = checked(project)
    reported = [entry for entry in problems if entry.startswith(f"{path}:")]
    assert any(
        entry.startswith(f"{path}:{number}:")
        and "'2019-13-40' is impossible: there is no month 13 and no day 40" in entry
        for entry in reported
    ), problems
