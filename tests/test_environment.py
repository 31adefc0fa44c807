"""What the extension keeps between builds in Sphinx's environment: an environment written by an
older version of the extension (another ``lnox_site.ENV_VERSION``) is rebuilt, not read."""

from __future__ import annotations

from conftest import assemble

import lnox_site


def pages_read(make_app, docs) -> tuple[set[str], set[str]]:
    """Builds the French site of ``docs`` in process, keeping its environment in docs/_build;
    returns the pages Sphinx read and every page it knows."""
    app = make_app("html", srcdir=docs)
    read: set[str] = set()
    app.connect("env-before-read-docs", lambda app, env, docnames: read.update(docnames))
    app.build()
    assert app.statuscode == 0, app.warning.getvalue()
    return read, set(app.env.found_docs)


def test_an_environment_of_an_older_version_is_rebuilt(make_app, tmp_path, monkeypatch):
    # The small second site: the same extension, a few pages of each kind.
    docs = assemble(tmp_path / "project") / "docs"
    with monkeypatch.context() as older:
        older.setattr(lnox_site, "ENV_VERSION", lnox_site.ENV_VERSION - 1)
        pages_read(make_app, docs)
    # The same sources, the current version: every page is read again.
    read, pages = pages_read(make_app, docs)
    assert len(pages) > 5
    assert read == pages
    # Once the environment is of this version, an unchanged page is not read again.
    assert pages_read(make_app, docs)[0] == set()
