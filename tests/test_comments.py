"""A line starting with % inside a paragraph or a list item would vanish from the page (MyST reads it
as a comment): the checks report it; comments between blocks and % in code stay allowed."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ROOT

from lnox_site.checks.comments import hidden_lines
from lnox_site.new.edition import new_edition
from lnox_site.new.news import new_post


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("# Titre\n\nUn intervalle à 95\n% de 1,10 à 2,08.\n", [4]),
        ("# Titre\n\n- un élément à 40\n  % de la suite\n", [4]),
        ("# Titre\n\n```{note}\nUne note à 95\n% perdue\n```\n", [5]),
        ("---\ndate: 2021-01-21\n---\n% commentaire\n# Titre\n", []),
        ("% commentaire en tête\n\n# Titre\n", []),
        ("# Titre\n% commentaire après le titre\n\nTexte.\n", []),
        ("# Titre\n\nTexte.\n\n% commentaire entre deux blocs\n% sur deux lignes\n", []),
        ("# Titre\n\nUn taux de 95\n\\% écrit avec une barre.\n", []),
        ("# Titre\n\n```text\nligne\n% dans du code\n```\n", []),
        ("# Titre\n\n:::{code-block} latex\nx\n% commentaire LaTeX\n:::\n", []),
        ("# Titre\n\n```{toctree}\n:hidden:\n% pas du texte\n```\n", []),
        ("| a | b |\n|---|---|\n| 1 | 2 |\n% après un tableau\n", []),
        # What MyST does, where a guess at its grammar went wrong:
        ("# Titre\n\n> Une citation à 95\n> % perdue\n", [4]),  # in a quote too
        ("# Titre\n\nTexte.\n\n    code indenté\n    % dans du code\n", []),
        ("# Titre\n\n````md\n```{note}\nUne note à 95\n% dans l’exemple\n```\n````\n", []),
        ("# Titre\n\n:::{note}\n:class: tip\n% commentaire sous l’option\n:::\n", []),
    ],
)
def test_percent_lines_that_would_vanish(text, lines):
    assert list(hidden_lines(text, ROOT)) == lines


def test_new_pages_teach_no_comment_line_in_their_text(project):
    # The post and the edition page (the year's archive page, also created, is written by no one).
    created = new_post(project, ["Essai de modèle", "prix"], dt.date(2031, 5, 4))[-1:]
    created += new_edition(project, ["2031", "21"])
    for path in created:
        text = path.read_text(encoding="utf-8")
        assert not [line for line in text.splitlines() if line.startswith("%")], path
        assert list(hidden_lines(text, project)) == []
