"""What the site relies on in its tools beyond their documented interfaces, fenced: one module
per tool (``sphinx``, ``docutils``, ``furo``, ``bibtex`` for sphinxcontrib-bibtex, ``myst`` for
MyST-Parser, ``autobuild`` for sphinx-autobuild), each use a small named function or name whose
comment says what it relies on. Each module's ``CHECKED_WITH`` is the release it was checked
against, the one pinned in requirements.txt; ``tests/test_upstream.py`` fails when the installed
release is another, naming the module to check again, and when a module outside this package
reaches for a private attribute of a tool (ARCHITECTURE.md, "Upgrading the tools").

May import: the tools themselves and the standard library, never the rest of the package; the
renderer packages and the commands import it.
"""
