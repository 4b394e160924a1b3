"""The period a manager chooses for the start page, the CSV export and the PDF report."""

from __future__ import annotations

import datetime
from collections.abc import Mapping

from django import forms
from django.utils.translation import gettext_lazy as _

from integration_portal.core.forms import DateInput
from integration_portal.reports.registry import Period

# A longer period says little a manager can act on, and every builder's aggregation grows
# with it; five years covers any "this term of office" comparison.
MAX_PERIOD_YEARS = 5


class PeriodForm(forms.Form):
    """From and to, both days included. `.period` is the chosen Period once the form is valid.

    `initial_for(today)` gives the default (this year to date) for an unbound form.
    """

    start = forms.DateField(label=_("From"), widget=DateInput())
    end = forms.DateField(label=_("To"), widget=DateInput())

    @staticmethod
    def initial_for(today: datetime.date) -> dict[str, datetime.date]:
        default = Period.year_to_date(today)
        return {"start": default.start, "end": default.end}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned
        if end < start:
            self.add_error("end", _("The period must end on or after the day it starts."))
        elif end >= _add_years(start, MAX_PERIOD_YEARS):
            self.add_error("end", _("A period can be at most %(years)d years long.")
                           % {"years": MAX_PERIOD_YEARS})
        return cleaned

    @property
    def period(self) -> Period:
        if not self.is_valid():
            raise ValueError("The form holds no valid period")
        return Period(start=self.cleaned_data["start"], end=self.cleaned_data["end"])


def chosen_period(data: Mapping[str, str], *, today: datetime.date) -> tuple[PeriodForm, Period]:
    """The period a query string asks for, and its form to show again.

    Neither `start` nor `end` given: this year to date, in an unbound form. A bad period: the
    form bound with its errors (and the values typed), and the default period.
    """
    default = Period.year_to_date(today)
    if "start" not in data and "end" not in data:
        return PeriodForm(initial=PeriodForm.initial_for(today)), default
    form = PeriodForm(data)
    return form, (form.period if form.is_valid() else default)


def _add_years(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year that has none
        return day.replace(year=day.year + years, day=28)
