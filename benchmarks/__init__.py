"""Measures of the site, run from a checkout and not part of building it: the benchmark of builds
and of the preview (``nox -s bench``), the synthetic copies it builds, the Lighthouse audit
(``nox -s audit``) and the benchmark of citations (``python benchmarks/citations.py``)."""
