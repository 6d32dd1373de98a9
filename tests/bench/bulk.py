"""Thousands of live pages in seconds, for the search benchmark and the search scale test.

Wagtail's `add_child` + `save_revision().publish()` costs tens of queries per page; 5,000 pages
that way take minutes. Here the tree rows are written with one `bulk_create`, the page type's own
table with one `executemany`, and the search index with the backend's `add_bulk`. The pages are
live, public and in the parent's locale, with no revisions (search and listings do not need them).
"""

import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend


def bulk_pages(parent, model, count, *, slug_prefix, title, fields, start=0, batch_size=500):
    """Add `count` live `model` pages under `parent`; `title` and `fields` may use {n}.

    `fields` are the values of the model's own table (e.g. intro, body as StreamField data).
    Pages are numbered from `start` (to add more later without clashing slugs).
    Returns the ids of the new pages.
    """
    parent = Page.objects.get(pk=parent.pk)
    content_type = ContentType.objects.get_for_model(model)
    last_child = parent.get_children().order_by("-path").first()
    first_step = (Page._str2int(last_child.path[-Page.steplen :]) if last_child else 0) + 1
    now = timezone.now()
    own_fields = [field for field in model._meta.local_concrete_fields if field.name != "page_ptr"]
    ids = []
    with transaction.atomic():
        for offset in range(0, count, batch_size):
            numbers = range(start + offset, start + min(count, offset + batch_size))
            rows = []
            for n in numbers:
                slug = f"{slug_prefix}{n}"
                rows.append(
                    Page(
                        title=title.format(n=n),
                        draft_title=title.format(n=n),
                        slug=slug,
                        content_type=content_type,
                        locale_id=parent.locale_id,
                        translation_key=uuid.uuid4(),
                        path=Page._get_path(parent.path, parent.depth + 1, first_step + n - start),
                        depth=parent.depth + 1,
                        numchild=0,
                        url_path=f"{parent.url_path}{slug}/",
                        live=True,
                        has_unpublished_changes=False,
                        first_published_at=now,
                        last_published_at=now,
                        live_revision=None,
                    )
                )
            created = Page.objects.bulk_create(rows)
            if created and created[0].pk is None:  # databases that do not return ids
                created = list(Page.objects.filter(path__in=[row.path for row in rows]).order_by("path"))
            values = []
            for page, n in zip(created, numbers, strict=True):
                instance = model(
                    page_ptr_id=page.pk, **{key: _format(value, n) for key, value in fields.items()}
                )
                values.append(
                    [page.pk]
                    + [
                        field.get_db_prep_save(getattr(instance, field.attname), connection)
                        for field in own_fields
                    ]
                )
            columns = ", ".join(
                connection.ops.quote_name(column)
                for column in ["page_ptr_id", *(f.column for f in own_fields)]
            )
            placeholders = ", ".join(["%s"] * (len(own_fields) + 1))
            table = connection.ops.quote_name(model._meta.db_table)
            with connection.cursor() as cursor:
                cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", values)
            ids += [page.pk for page in created]
        Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + count)
        get_search_backend().add_bulk(model, list(model.objects.filter(pk__in=ids)))
    return ids


def _format(value, n):
    if isinstance(value, str):
        return value.format(n=n)
    return value
