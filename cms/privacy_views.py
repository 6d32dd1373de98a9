"""The admin view "Privacyverzoeken": export, erase and purge personal data (group Privacyfunctionaris).

Export and erase ask for an address; erase first shows what was found and asks for a
confirmation, carried by a signed, short-lived token so that the address is not retyped (and a
forged or old confirmation erases nothing). Every action is written to the audit log by
cms.privacy.
"""

from django import forms
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import privacy
from .models import PersonalDataAction

PERMISSION = "cms.handle_personal_data"
CONFIRM_SALT = "cms.privacy.erase"
CONFIRM_MAX_AGE = 15 * 60


class PersonForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van de persoon"),
        max_length=254,
        help_text=_("Het adres waarmee de persoon zich heeft aangemeld of ons heeft gemaild."),
    )

    def clean_email(self):
        return privacy.normalise_email(self.cleaned_data["email"])


class PrivacyOfficerMixin(WagtailAdminTemplateMixin):
    header_icon = "lock"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("privacy_requests"), "label": _("Privacyverzoeken")},
        ]


class PrivacyRequestsView(PrivacyOfficerMixin, TemplateView):
    template_name = "cms/admin/privacy_requests.html"
    page_title = _("Privacyverzoeken")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            form=form or PersonForm(),
            kinds=privacy.for_statement(),
            recent=PersonalDataAction.objects.select_related("user")[:20],
        )
        return context

    def post(self, request):
        action = request.POST.get("action")
        if action == "purge":
            try:
                counts = privacy.purge_all(user=request.user, source="admin")
            except RuntimeError:
                # The other kinds were purged; the failing one is in the error log.
                messages.error(request, _("Opschonen is niet helemaal gelukt. De fout staat in het logboek."))
                return redirect("privacy_requests")
            messages.success(
                request,
                _("Opgeschoond: %(total)d gegevens verwijderd waarvan de bewaartermijn voorbij was.")
                % {"total": sum(counts.values())},
            )
            return redirect("privacy_requests")
        form = PersonForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        email = form.cleaned_data["email"]
        if action == "export":
            counts, content = privacy.export_person(email, user=request.user, source="admin")
            response = HttpResponse(content, content_type="application/zip")
            filename = f"persoonsgegevens-{timezone.localdate():%Y-%m-%d}.zip"
            response["Content-Disposition"] = f'attachment; filename="{filename}"'
            add_never_cache_headers(response)
            return response
        if action == "erase":
            return redirect(f"{reverse('privacy_erase')}?token={signing.dumps(email, salt=CONFIRM_SALT)}")
        return self.render_to_response(self.get_context_data(form=form))


class EraseConfirmView(PrivacyOfficerMixin, TemplateView):
    template_name = "cms/admin/privacy_erase_confirm.html"
    page_title = _("Persoonsgegevens verwijderen")

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def email_from_token(self, token):
        try:
            return signing.loads(token or "", salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
        except signing.BadSignature:
            return None

    def get(self, request):
        token = request.GET.get("token", "")
        email = self.email_from_token(token)
        if email is None:
            messages.error(request, _("Deze bevestiging is verlopen. Vul het e-mailadres opnieuw in."))
            return redirect("privacy_requests")
        # What erasing would touch: the records each kind holds (nothing is logged or changed).
        found = [
            {"kind": kind, "records": len(kind.run_export(email).records)}
            for kind in privacy.registered()
            if kind.erase
        ]
        total = sum(item["records"] for item in found)
        context = self.get_context_data(email=email, token=token, found=found, total=total)
        return self.render_to_response(context)

    def post(self, request):
        email = self.email_from_token(request.POST.get("token"))
        if email is None:
            messages.error(request, _("Deze bevestiging is verlopen. Vul het e-mailadres opnieuw in."))
            return redirect("privacy_requests")
        counts = privacy.erase_person(email, user=request.user, source="admin")
        messages.success(
            request,
            _("Verwijderd: %(total)d gegevens over dit e-mailadres.") % {"total": sum(counts.values())},
        )
        return redirect("privacy_requests")
