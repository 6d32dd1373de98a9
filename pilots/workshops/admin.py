"""The editors' side of workshops: registrations per workshop (filters, search, CSV/XLSX export),
check-in from a phone, and a printable attendance list (PDF through cms.pdf)."""

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from ..models.workshops import Registration, WorkshopPage
from . import seats


class RegistrationIndexView(IndexView):
    # Cells are neutralised for every admin export by cms.exports.install().
    def generate_xlsx_row(self, worksheet, row_dict, date_format=None):
        # Wagtail already stores text that looks like a formula as text in XLSX; strip time zones,
        # which openpyxl refuses.
        cleaned = {
            key: timezone.localtime(value).replace(tzinfo=None)
            if hasattr(value, "tzinfo") and value.tzinfo
            else value
            for key, value in row_dict.items()
        }
        return super().generate_xlsx_row(worksheet, cleaned, date_format=date_format)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "workshop_registrations"
    url_prefix = "workshop-aanmeldingen"
    icon = "group"
    menu_label = gettext_lazy("Workshopaanmeldingen")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = RegistrationIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["name", "workshop", "people", "status", "street", "created_at"]
    list_filter = ["workshop", "status", "language"]
    search_fields = ["name", "email", "street"]
    search_backend_name = None
    list_export = [
        "workshop",
        "name",
        "email",
        "phone",
        "street",
        "people",
        "status",
        "dietary_needs",
        "accessibility_needs",
        "language",
        "created_at",
    ]
    export_filename = "workshop-aanmeldingen"
    # Seats and status change only through check-in and seats.allocate(), never in this form.
    form_fields = ["name", "email", "phone", "street", "dietary_needs", "accessibility_needs"]

    @property
    def check_in_url_name(self):
        return self.get_url_name("check_in")

    @property
    def registrations_url_name(self):
        return self.get_url_name("index")

    @property
    def check_in_overview_url_name(self):
        return self.get_url_name("check_in_overview")

    @property
    def attendance_pdf_url_name(self):
        return self.get_url_name("attendance_pdf")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("inchecken/", self.check_in_overview, name="check_in_overview"),
            path("inchecken/<int:workshop_id>/", self.check_in, name="check_in"),
            path("presentielijst/<int:workshop_id>/", self.attendance_pdf, name="attendance_pdf"),
        ]

    def _require(self, request, action):
        if not self.permission_policy.user_has_permission(request.user, action):
            raise PermissionDenied

    def check_in_overview(self, request):
        """Today's and coming workshops, each with its check-in page and attendance list."""
        self._require(request, "change")
        since = timezone.now() - datetime.timedelta(days=2)
        workshops = WorkshopPage.objects.filter(locale__language_code="nl", ends_at__gte=since).order_by(
            "starts_at"
        )
        return TemplateResponse(
            request,
            "pilots/admin/workshop_check_in_overview.html",
            {"workshops": workshops, "viewset": self, "page_title": _("Inchecken bij workshops")},
        )

    def check_in(self, request, workshop_id):
        """Big buttons per person: present, not come. Works on a phone at the door."""
        self._require(request, "change")
        workshop = get_object_or_404(WorkshopPage, pk=workshop_id)
        if request.method == "POST":
            registration = get_object_or_404(
                Registration, pk=request.POST.get("registration"), workshop=workshop
            )
            status = request.POST.get("status")
            if status in (
                Registration.Status.ATTENDED,
                Registration.Status.NO_SHOW,
                Registration.Status.CONFIRMED,
            ):
                outcome = seats.set_status(registration, status)
                if outcome.error:
                    messages.error(
                        request, _("Er is geen plek vrij voor %(name)s.") % {"name": registration.name}
                    )
                else:
                    log(registration, "wagtail.edit", user=request.user, data={"status": status})
            return redirect(reverse(self.check_in_url_name, args=[workshop.pk]) + f"#r{registration.pk}")
        registrations = Registration.objects.filter(
            workshop=workshop, status__in=Registration.HOLDS_SEAT
        ).order_by("name")
        waiting = Registration.objects.filter(workshop=workshop, status=Registration.Status.WAITLIST).count()
        return TemplateResponse(
            request,
            "pilots/admin/workshop_check_in.html",
            {
                "workshop": workshop,
                "registrations": registrations,
                "waiting": waiting,
                "present": sum(r.people for r in registrations if r.status == Registration.Status.ATTENDED),
                "expected": sum(r.people for r in registrations),
                "viewset": self,
                "page_title": _("Inchecken: %(title)s") % {"title": workshop.title},
            },
        )

    def attendance_pdf(self, request, workshop_id):
        """The printable attendance list: one line per registration with a box to tick."""
        self._require(request, "view")
        from cms.pdf import RenderError, render_pdf

        workshop = get_object_or_404(WorkshopPage, pk=workshop_id)
        registrations = Registration.objects.filter(
            workshop=workshop, status__in=Registration.HOLDS_SEAT
        ).order_by("name")
        title = _("Presentielijst: %(title)s") % {"title": workshop.title}
        try:
            pdf = render_pdf(
                "pdf/attendance_list.html",
                {
                    "workshop": workshop,
                    "registrations": registrations,
                    "total_people": sum(r.people for r in registrations),
                    "printed_at": timezone.now(),
                },
                language="nl",
                title=title,
            )
        except RenderError as error:
            messages.error(request, error.message)
            return redirect(reverse(self.check_in_url_name, args=[workshop.pk]))
        log(workshop, "pilots.attendance_list_printed", user=request.user)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'inline; filename="presentielijst-{slugify(workshop.slug)}.pdf"'
        return response
