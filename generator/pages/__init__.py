"""Page builders: one module per page kind (or small family of kinds).

Each builder turns the validated corpus into view models, one per page, that a template
only prints: every label, link, anchor and rule sentence is decided here, in Python.  To
find where part of a page comes from, open the builder named in its template's first line.
"""
