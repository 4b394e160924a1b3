"""The period form the start page, the CSV export and the PDF request share."""

import datetime

import pytest
from django.utils import translation

from integration_portal.reports.forms import PeriodForm, chosen_period
from integration_portal.reports.registry import Period

D = datetime.date


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.mark.parametrize(("start", "end", "valid"), [
    ("2026-03-01", "2026-03-01", True),  # one day
    ("2021-01-01", "2025-12-31", True),  # five years exactly
    ("2021-01-01", "2026-01-01", False),  # a day more
    ("2024-02-29", "2029-02-27", True),  # from a leap day: five years end on 28 February
    ("2024-02-29", "2029-02-28", False),
    ("2026-03-02", "2026-03-01", False),
])
def test_a_period_is_one_day_to_five_years(start, end, valid):
    form = PeriodForm({"start": start, "end": end})

    assert form.is_valid() is valid
    if valid:
        assert form.period == Period(D.fromisoformat(start), D.fromisoformat(end))
    else:
        assert list(form.errors) == ["end"]


def test_an_invalid_form_has_no_period():
    form = PeriodForm({"start": "2026-03-02", "end": "2026-03-01"})

    with pytest.raises(ValueError, match="no valid period"):
        form.period  # noqa: B018


def test_without_a_query_the_period_is_this_year_to_date_in_an_unbound_form():
    form, period = chosen_period({}, today=D(2026, 6, 15))

    assert period == Period(D(2026, 1, 1), D(2026, 6, 15))
    assert not form.is_bound
    assert (form["start"].value(), form["end"].value()) == (D(2026, 1, 1), D(2026, 6, 15))


def test_a_bad_query_keeps_its_errors_and_falls_back_to_this_year_to_date():
    form, period = chosen_period({"start": "2026-06-01", "end": "nonsense"}, today=D(2026, 6, 15))

    assert form.errors == {"end": ["Enter a valid date."]}
    assert period == Period(D(2026, 1, 1), D(2026, 6, 15))
