"""Corpus-wide checks, one rule per function; the list that runs them is in registry.py.

This file stays empty on purpose: models import checks.markup, so importing the package
must not pull in the corpus (which imports the models)."""
