"""Wagtail's SQLite (FTS5) search backend, with ranked results fetched in one pass.

The stock backend orders by a score subquery correlated with every candidate row, so SQLite runs
the full-text match once per matching page: a search that matches 5,000 pages took seconds. Here a
ranked search (the common case) asks FTS5 once for every match with its score, asks the page query
once which of those ids pass its filters (live, public, language, type), and fetches only the
requested slice: three queries whatever the number of matches, the same score formula and the same
order (best score first, newest first on a tie). Anything else (unranked, negated, a requested
score field) goes through the stock code.

The admin searches with autocomplete (the page search, images, documents, choosers, the explorer
filter): the same ranked pass runs for the autocomplete compiler. Fields asked for by name
(`.search(q, fields=[...])`) are mapped to the FTS5 table's columns: the index keeps every field of
a kind in one column (title, body, autocomplete), and FTS5 fails on a column it does not have.
"""

from modelsearch.backends.database.sqlite import sqlite
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.query import MatchAll, Not, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks


class RankedMatchesMixin:
    """For both query compilers: one ranked pass over FTS5 (see the module docstring)."""

    def build_search_query_content(self, query, config=None):
        """Terms without double quotes: the stock code wraps each term in FTS5 quotes, and a quote
        inside one (`buren "soep` typed in the admin) ends it early: an SQL error, a 500."""
        if isinstance(query, PlainText):
            text = _unquoted(query.query_string) or "-"  # "-" matches nothing
            query = PlainText(text, operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(_unquoted(query.query_string) or "-")
        return super().build_search_query_content(query, config=config)

    def fts_columns(self):
        """The FTS5 columns to match: those that hold the requested fields, else all of this kind."""
        if not self.fields:
            return self.FTS_TABLE_FIELDS
        columns = []
        for name in self.fields:
            column = name if name in self.FTS_TABLE_FIELDS else self._column_of(name)
            if column not in columns:
                columns.append(column)
        return columns

    def _column_of(self, field_name):
        if "autocomplete" in self.FTS_TABLE_FIELDS:
            return "autocomplete"
        return "title" if field_name == "title" else "body"

    def ranked_matches(self, config):
        """([(pk, score), ...] best first, a subquery of the matching ids), or None when the query
        is one the stock code must handle (match-all or negated)."""
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return None
        search_query = self.build_search_query(query, config=config)
        match_expression = MatchExpression(self.fts_columns(), search_query)
        rank_expression = self._build_rank_expression(self.get_search_vectors(), config)
        entries = sqlite.SQLiteFTSIndexEntry.objects.filter(match_expression).filter(
            index_entry__content_type__in=get_descendants_content_types_pks(self.queryset.model)
        )
        rows = entries.annotate(score=rank_expression).values_list("index_entry__object_id", "score")
        to_python = self.queryset.model._meta.pk.to_python
        best = {}
        for object_id, score in rows:
            pk = to_python(object_id)
            if pk not in best or score < best[pk]:
                best[pk] = score
        # bm25 is negative, lower is better (the stock backend orders ascending, then by -pk).
        ranked = sorted(best.items(), key=lambda item: (item[1], -item[0]))
        return ranked, entries.values_list("index_entry__object_id", flat=True)


def _unquoted(text):
    return " ".join(text.replace('"', " ").split())


class SQLiteSearchQueryCompiler(RankedMatchesMixin, sqlite.SQLiteSearchQueryCompiler):
    pass


class SQLiteAutocompleteQueryCompiler(RankedMatchesMixin, sqlite.SQLiteAutocompleteQueryCompiler):
    pass


class SQLiteSearchResults(sqlite.SQLiteSearchResults):
    def _do_search(self):
        compiler = self.query_compiler
        if not compiler.order_by_relevance or self._score_field is not None:
            return super()._do_search()
        matches = compiler.ranked_matches(compiler.get_config(self.backend))
        if matches is None:
            return super()._do_search()
        ranked, matching_ids = matches
        allowed = set(compiler.queryset.filter(pk__in=matching_ids).values_list("pk", flat=True))
        ids = [pk for pk, _score in ranked if pk in allowed][self.start : self.stop]
        objects = compiler.queryset.in_bulk(ids)
        return [objects[pk] for pk in ids if pk in objects]


class SQLiteSearchBackend(sqlite.SQLiteSearchBackend):
    query_compiler_class = SQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = SQLiteAutocompleteQueryCompiler
    results_class = SQLiteSearchResults


SearchBackend = SQLiteSearchBackend
