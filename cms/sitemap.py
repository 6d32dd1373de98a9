from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class LocalizedSitemap(Sitemap):
    """Every live, public page of the site in every language (Wagtail's own lists only one tree)."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        in_a_tree = reduce(or_, (Q(path__startswith=path) for path in roots.values_list("path", flat=True)))
        return Page.objects.live().public().filter(in_a_tree).order_by("path").defer_streamfields().specific()
