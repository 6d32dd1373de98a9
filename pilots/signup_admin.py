"""The admin for pilot rounds, street sign-ups and their mail texts (Wagtail viewsets).

Sign-ups are changed only through the moderation view and the bulk action, which both call
`signup_moderation.apply_transition`; the edit form does not have the state field.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from . import signup_moderation
from .models import PilotRound, RoundSubscriber, SignupMailTemplate, StreetSignup
from .signup_moderation import TransitionNotAllowed, mail_templates


class PublicRecordPermissionPolicy(ModelPermissionPolicy):
    """Records that only arrive from the public site: nobody adds one by hand in the admin."""

    refused = frozenset({"add"})

    def __init__(self, model, refused=None, **kwargs):
        super().__init__(model, **kwargs)
        if refused is not None:
            self.refused = frozenset(refused)

    def user_has_permission(self, user, action):
        if action in self.refused:
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class ModerationForm(forms.Form):
    """Choose a transition, add a note, pick the mail text (grouped per transition)."""

    transition = forms.ChoiceField(label=_("Wat wil je doen?"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Opmerking (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Komt in de geschiedenis en op de plek van {opmerking} in de e-mail."),
    )
    template = forms.TypedChoiceField(
        label=_("E-mailtekst"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("Leeg: de standaardtekst bij wat je kiest."),
    )

    def __init__(self, *args, transitions, **kwargs):
        super().__init__(*args, **kwargs)
        self.transitions = {t.name: t for t in transitions}
        self.fields["transition"].choices = [(t.name, t.label) for t in transitions]
        groups = [("", _("Standaardtekst"))]
        for t in transitions:
            options = (
                [(template.pk, template.name) for template in mail_templates(t.mail_purpose)]
                if t.mail_purpose
                else []
            )
            if options:
                groups.append((str(t.label), options))
        self.fields["template"].choices = groups

    def clean(self):
        cleaned = super().clean()
        transition = self.transitions.get(cleaned.get("transition"))
        template_pk = cleaned.get("template")
        cleaned["template_obj"] = None
        if transition and template_pk:
            template = SignupMailTemplate.objects.filter(
                pk=template_pk, purpose=transition.mail_purpose
            ).first()
            if template is None:
                self.add_error(
                    "template", _("Deze e-mailtekst hoort bij iets anders. Kies een tekst bij je keuze.")
                )
            cleaned["template_obj"] = template
        return cleaned


def moderate_object(request, obj, moderation, *, listing_url, extra_context=None):
    """The shared moderation page of a sign-up or a submission."""
    transitions = moderation.available_transitions(obj, request.user)
    if not transitions and not request.user.has_perm(moderation.MODERATE):
        raise PermissionDenied
    form = ModerationForm(request.POST or None, transitions=transitions)
    if request.method == "POST" and transitions and form.is_valid():
        name = form.cleaned_data["transition"]
        try:
            moderation.apply_transition(
                obj,
                name,
                request.user,
                note=form.cleaned_data["note"],
                template=form.cleaned_data["template_obj"],
            )
        except TransitionNotAllowed:
            messages.error(
                request, gettext("Dit kan niet meer: iemand anders heeft de status net gewijzigd.")
            )
        else:
            messages.success(
                request,
                gettext("%(object)s: %(action)s.") % {"object": obj, "action": form.transitions[name].label},
            )
            return redirect(listing_url)
    context = {
        "object": obj,
        "form": form,
        "transitions": transitions,
        "listing_url": listing_url,
        "history_url": reverse(obj.snippet_viewset.get_url_name("history"), args=[obj.pk]),
        **(extra_context or {}),
    }
    return TemplateResponse(request, "pilots/admin/signup_moderate.html", context)


class StreetSignupIndexView(IndexView):
    def get_base_queryset(self):
        return (
            super().get_base_queryset().select_related("round", "duplicate_of").prefetch_related("gangmakers")
        )

    def get_list_more_buttons(self, instance):
        buttons = list(super().get_list_more_buttons(instance))
        if self.request.user.has_perm(signup_moderation.MODERATE):
            buttons.insert(
                0,
                ListingButton(
                    _("Beoordelen"),
                    url=reverse("pilots_signups:moderate", args=[instance.pk]),
                    icon_name="tick",
                    priority=1,
                ),
            )
        return buttons


class DuplicateColumn(Column):
    """'Dubbel' with a link to the first sign-up of the same street, or nothing."""

    def get_value(self, instance):
        original = instance.duplicate_of
        if original is None:
            return ""
        url = reverse("pilots_signups:moderate", args=[original.pk])
        return format_html('<a href="{}">{} #{}</a>', url, gettext("Dubbel van"), original.pk)

    cell_template_name = "pilots/admin/signup_link_cell.html"


signup_policy = PublicRecordPermissionPolicy(StreetSignup)
subscriber_policy = PublicRecordPermissionPolicy(RoundSubscriber, refused={"add", "change"})
register_permission_policy(StreetSignup, signup_policy)
register_permission_policy(RoundSubscriber, subscriber_policy)


class StreetSignupViewSet(SnippetViewSet):
    model = StreetSignup
    permission_policy = signup_policy
    url_prefix = "aanmeldingen/straten"
    url_namespace = "pilots_signups"
    icon = "group"
    menu_label = _("Straataanmeldingen")
    index_view_class = StreetSignupIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "street",
        "postcode",
        "district",
        "round",
        Column("state", label=_("status"), accessor="get_state_display"),
        DuplicateColumn("duplicate", label=_("dubbel")),
        Column("gangmakers", label=_("gangmakers"), accessor="gangmaker_names"),
        "created_at",
    ]
    list_filter = ["round", "district", "state"]
    search_fields = ["street", "postcode", "district", "gangmakers__name", "gangmakers__email"]
    search_backend_name = None
    list_export = [
        "id",
        "round",
        "street",
        "postcode",
        "district",
        "households",
        "is_opzoomerstraat",
        "state",
        "waitlisted_automatically",
        "duplicate_of",
        "gangmaker_names",
        "already_does",
        "hopes",
        "heard_from",
        "created_at",
    ]
    export_headings = {"gangmaker_names": _("gangmakers"), "duplicate_of": _("dubbel van")}
    export_filename = "straataanmeldingen"
    inspect_view_fields = [
        "round",
        "street",
        "postcode",
        "district",
        "households",
        "is_opzoomerstraat",
        "already_does",
        "hopes",
        "heard_from",
        "state",
        "waitlisted_automatically",
        "duplicate_of",
        "gangmaker_names",
        "language",
        "privacy_consent_at",
        "created_at",
    ]
    panels = [
        FieldRowPanel([FieldPanel("street"), FieldPanel("postcode")]),
        FieldRowPanel([FieldPanel("district"), FieldPanel("households")]),
        FieldPanel("is_opzoomerstraat"),
        FieldPanel("already_does"),
        FieldPanel("hopes"),
        FieldPanel("heard_from"),
        FieldPanel("duplicate_of"),
    ]

    def moderate_view(self, request, pk):
        signup = get_object_or_404(
            StreetSignup.objects.select_related("round", "duplicate_of").prefetch_related(
                "gangmakers", "duplicates"
            ),
            pk=pk,
        )
        return moderate_object(
            request,
            signup,
            signup_moderation,
            listing_url=reverse(self.get_url_name("list")),
            extra_context={"signup": signup, "gangmakers": list(signup.gangmakers.all())},
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [path("beoordelen/<int:pk>/", self.moderate_view, name="moderate")]


class PilotRoundViewSet(SnippetViewSet):
    model = PilotRound
    url_prefix = "aanmeldingen/rondes"
    icon = "date"
    menu_label = _("Pilotrondes")
    list_display = ["name", "status", "signup_opens", "signup_closes", "capacity"]
    list_filter = ["status"]
    copy_view_enabled = False


class RoundSubscriberViewSet(SnippetViewSet):
    model = RoundSubscriber
    permission_policy = subscriber_policy
    url_prefix = "aanmeldingen/berichtenlijst"
    icon = "mail"
    menu_label = _("Berichtenlijst nieuwe ronde")
    list_display = ["email", "language", "created_at", "confirmed_at", "notified_round"]
    search_fields = ["email"]
    search_backend_name = None
    copy_view_enabled = False


class SignupMailTemplateViewSet(SnippetViewSet):
    model = SignupMailTemplate
    url_prefix = "aanmeldingen/e-mailteksten"
    icon = "mail"
    menu_label = _("E-mailteksten")
    list_display = ["name", "purpose", "subject", "locale"]
    list_filter = ["purpose"]  # Wagtail adds its own locale filter (by language code)


class SignupsGroup(SnippetViewSetGroup):
    menu_label = _("Aanmeldingen")
    menu_icon = "group"
    menu_order = 250
    items = (StreetSignupViewSet, PilotRoundViewSet, SignupMailTemplateViewSet, RoundSubscriberViewSet)


class MoveSignupsBulkForm(forms.Form):
    transition = forms.ChoiceField(
        label=_("Wat wil je doen?"),
        choices=[(t.name, t.label) for t in signup_moderation.TRANSITIONS.values()],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Opmerking (niet verplicht)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class MoveSignupsBulkAction(SnippetBulkAction):
    """Move several sign-ups on at once, each with the default mail text of the transition."""

    display_name = _("Status wijzigen")
    action_type = "move_signups"
    aria_label = _("Status van de gekozen aanmeldingen wijzigen")
    template_name = "pilots/admin/signup_bulk_move.html"
    action_priority = 20
    form_class = MoveSignupsBulkForm
    models = [StreetSignup]

    def check_perm(self, obj):
        return self.request.user.has_perm(signup_moderation.MODERATE)

    def get_execution_context(self):
        return {
            "user": self.request.user,
            "transition": self.cleaned_form.cleaned_data["transition"],
            "note": self.cleaned_form.cleaned_data["note"],
        }

    @classmethod
    def execute_action(cls, objects, user=None, transition=None, note="", **kwargs):
        moved = 0
        for signup in objects:
            try:
                signup_moderation.apply_transition(signup, transition, user, note=note)
            except TransitionNotAllowed:
                continue
            moved += 1
        cls.skipped = len(objects) - moved
        return moved, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        message = ngettext(
            "%(count)d aanmelding gewijzigd.", "%(count)d aanmeldingen gewijzigd.", num_parent_objects
        ) % {"count": num_parent_objects}
        if getattr(self, "skipped", 0):
            message += " " + ngettext(
                "%(count)d kon niet: die had een andere status.",
                "%(count)d konden niet: die hadden een andere status.",
                self.skipped,
            ) % {"count": self.skipped}
        return message


def register_log_actions(actions, transitions, system_actions):
    """Audit-log actions with a readable message: the transition, and the moderator's note."""
    for transition in transitions:
        _register(actions, transition.log_action, transition.log_label)
    for action, label in system_actions.items():
        _register(actions, action, label)


def _register(actions, action, label):
    class Formatter(LogFormatter):
        def format_message(self, log_entry):
            data = log_entry.data or {}
            parts = [str(label)]
            if data.get("gangmaker"):
                parts.append(str(data["gangmaker"]))
            if data.get("template"):
                parts.append(gettext("e-mail: %(name)s") % {"name": data["template"]})
            if data.get("note"):
                parts.append(gettext("opmerking: %(note)s") % {"note": data["note"]})
            return " · ".join(parts)

    Formatter.label = label
    actions.register_action(action)(Formatter)


@hooks.register("register_log_actions")
def register_signup_log_actions(actions):
    register_log_actions(
        actions, signup_moderation.TRANSITIONS.values(), signup_moderation.SYSTEM_LOG_ACTIONS
    )


register_snippet(SignupsGroup)
hooks.register("register_bulk_action", MoveSignupsBulkAction)
