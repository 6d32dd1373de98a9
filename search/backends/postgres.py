"""Wagtail's PostgreSQL search backend with one text-search configuration per language.

Each page is indexed with the configuration of its own locale (Dutch stemming for Dutch pages,
English for English, ...) and a search uses the configuration of the visitor's language; the
search view only looks at pages of that language, so index and query always stem alike. Objects
without a locale (toolkit documents) use their `language` field. The configurations are created
by search/migrations (every one strips accents with unaccent: "enquete" finds "enquête").

    WAGTAILSEARCH_BACKENDS = {"default": {
        "BACKEND": "search.backends.postgres",
        "SEARCH_CONFIG": "lief_dutch",                       # the default (and for Dutch)
        "LANGUAGE_CONFIGS": {"en": "lief_english", ...},   # cms/settings/base.py has the list
    }}
"""

from django.utils import translation

from modelsearch.backends.database.postgres import postgres


def object_language(obj):
    locale = getattr(obj, "locale", None)
    if locale is not None:
        return locale.language_code
    return getattr(obj, "language", "") or ""


class _LanguageBackend:
    """The backend as the indexer sees it for objects of one language: only `config` differs."""

    def __init__(self, backend, config):
        self._backend = backend
        self.config = config

    def __getattr__(self, name):
        return getattr(self._backend, name)


class PostgresIndex(postgres.PostgresIndex):
    def add_items(self, model, objs):
        by_config = {}
        for obj in objs:
            by_config.setdefault(self.backend.config_for(object_language(obj)), []).append(obj)
        for config, group in by_config.items():
            # A fresh index object per language: nothing shared is changed, so threads are safe.
            postgres.PostgresIndex.add_items(type(self)(_LanguageBackend(self.backend, config)), model, group)


class PostgresSearchQueryCompiler(postgres.PostgresSearchQueryCompiler):
    def get_config(self, backend):
        return backend.config_for(translation.get_language() or "")


class SearchBackend(postgres.PostgresSearchBackend):
    query_compiler_class = PostgresSearchQueryCompiler
    index_class = PostgresIndex

    def __init__(self, params):
        super().__init__(params)
        self.language_configs = params.get("LANGUAGE_CONFIGS", {})

    def config_for(self, language_code):
        code = (language_code or "").split("-")[0]
        return self.language_configs.get(code, self.config)
