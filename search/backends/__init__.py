"""The site's search backends: Wagtail's database backends, tuned for this site.

- `search.backends.postgres`: a text-search configuration per language (Dutch stemming for Dutch
  pages, English for English, ...).
- `search.backends.sqlite`: FTS5 with ranked results fetched in one pass instead of a correlated
  score subquery per matching row (which made a search over 5,000 matching pages take seconds).

cms/settings/base.py picks one by the database engine.
"""
