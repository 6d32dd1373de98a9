"""Translations go through the same workflow as the Dutch pages.

Translators work in wagtail-localize's editor, which keeps a translated page in sync with its
Dutch source and shows what is out of date. That editor can only publish, and Vertalers may not
publish, so this view adds the missing step: save the translation as a draft and submit it to the
page's workflow (review, consent check, final approval), which publishes it at the end.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.models import Page
from wagtail_localize.views.update_translations import UpdateTranslationsView


def synced_translation(page):
    """wagtail-localize's Translation that keeps `page` in sync with its source, or None."""
    from wagtail_localize.models import Translation

    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .select_related("source")
        .first()
    )


def can_submit_translation(page, user):
    # Cheapest checks first: this runs for every row of the admin's page explorer.
    return (
        page.locale.language_code != settings.LANGUAGE_CODE
        and page.permissions_for_user(user).can_edit()
        and not page.workflow_in_progress
        and page.get_workflow() is not None
        and synced_translation(page) is not None
    )


@transaction.atomic
def submit_translation_for_review(page, user):
    """Save the synced translation of `page` as a draft and start the page's workflow on it."""
    translation = synced_translation(page)
    if translation is None:
        raise PermissionDenied("This page is not a synced translation.")
    live_revision = page.live_revision if page.live else None
    translation.save_target(user=user, publish=False)
    page = Page.objects.get(pk=page.pk).specific
    if live_revision is not None:
        page = restore_live_content(page, live_revision)
    workflow = page.get_workflow()
    if workflow is None or page.workflow_in_progress:
        raise PermissionDenied("This page has no workflow, or is already in review.")
    return workflow.start(page, user)


def restore_live_content(page, live_revision):
    """Put the live content back into the page row, keeping the new draft as the latest revision.

    wagtail-localize saves a draft translation into the page row itself, and the page row is what
    visitors see: without this, the unreviewed translation would be online before the workflow.
    """
    draft_revision = page.latest_revision
    live = live_revision.as_object()
    live.latest_revision = draft_revision
    live.draft_title = page.title
    live.has_unpublished_changes = True
    live.save(clean=False)
    return live


def submit_translation_view(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit_translation(page, request.user):
        raise PermissionDenied
    if request.method == "POST":
        submit_translation_for_review(page, request.user)
        messages.success(
            request,
            _("De vertaling van ‘%(title)s’ is ter controle aangeboden.")
            % {"title": page.get_admin_display_title()},
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return TemplateResponse(
        request,
        "pilots/admin/submit_translation.html",
        {
            "page": page,
            "workflow": page.get_workflow(),
            "header_title": _("Vertaling ter controle aanbieden"),
            "submit_url": reverse("pilots_submit_translation", args=[page.pk]),
        },
    )


class SubmitTranslationButton(PageMenuItem):
    label = gettext_lazy("Vertaling ter controle aanbieden")
    icon_name = "resubmit"
    url_name = "pilots_submit_translation"
    priority = 5

    def is_shown(self, user):
        return can_submit_translation(self.page, user)


def translations_out_of_date(sender, instance, revision=None, **kwargs):
    """A Dutch pilot or story was published: bring wagtail-localize's copy of the source up to date,
    so the translation editor shows the changed and new texts as untranslated, and tell the
    Vertalers which translations now need work (through the outbox)."""
    from wagtail_localize.models import TranslationSource

    from .notifications import notify_translators

    page = instance
    if page.locale.language_code != settings.LANGUAGE_CODE:
        return
    source = TranslationSource.objects.filter(
        object_id=page.translation_key, specific_content_type=page.content_type, locale_id=page.locale_id
    ).first()
    if source is None:
        return  # never translated: nothing can be out of date
    source.update_from_db()
    pending = []
    for translation in source.translations.filter(enabled=True).select_related("target_locale"):
        total, done = translation.get_progress()
        if done < total:
            pending.append((translation.target_locale, total - done))
    if pending:
        notify_translators(page, pending, revision)


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "update existing translations" with its "publish immediately" box.

    That view checks only the permission to submit translations, which Vertalers have, and then
    publishes every translation. ``cms.publishing`` refuses such a publish for anyone who may not
    publish the page; this view says so before anything is saved, on the same form. Registered
    under wagtail-localize's own URL (see wagtail_hooks), so every link to it lands here.
    """

    def form_valid(self, form):
        if form.cleaned_data["publish_translations"]:
            user = self.request.user
            targets = (
                translation.source.get_translated_instance(translation.target_locale)
                if translation.source.get_source_instance().has_translation(translation.target_locale)
                else None
                for translation in self.object.translations.filter(enabled=True).select_related(
                    "source", "target_locale"
                )
            )
            refused = [
                str(target)
                for target in targets
                if isinstance(target, Page) and not target.permissions_for_user(user).can_publish()
            ]
            if refused:
                # wagtail-localize's template shows no field errors: the admin's message bar does.
                messages.error(
                    self.request,
                    _(
                        "Je mag %(pages)s niet meteen publiceren. Werk de vertalingen bij zonder dit "
                        "vinkje en stuur ze in voor controle: de eindredactie publiceert ze na de "
                        "toestemmingscontrole."
                    )
                    % {"pages": ", ".join(refused)},
                )
                return self.render_to_response(self.get_context_data())
        return super().form_valid(form)
