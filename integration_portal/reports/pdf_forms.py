"""The form a manager asks for a PDF report with: the period and the report's language."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from integration_portal.reports.forms import PeriodForm
from integration_portal.reports.models import ReportLanguage


class ReportRequestForm(PeriodForm):
    language = forms.ChoiceField(
        label=_("Language of the report"), choices=ReportLanguage.choices,
        initial=ReportLanguage.DANISH, widget=forms.RadioSelect,
    )
