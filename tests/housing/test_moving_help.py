"""Asking volunteers for moving help: a task through the volunteers app, with the home's
town and postcode as its area and no personal data."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from housing import services
from housing.models import Placement
from volunteers.models import Task

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def reservation(household, permanent_unit, caseworker):
    return services.placement_reserve(household=household, unit=permanent_unit,
                                      actor=caseworker, starts_on=TODAY + datetime.timedelta(7))


def form_data(**overrides):
    data = {"title": "Flyttehjælp", "description": "Bære kasser og samle senge.",
            "day": (TODAY + datetime.timedelta(days=7)).isoformat(), "start_time": "10:00",
            "hours": "3", "languages": ["ar"]}
    data.update(overrides)
    return data


def test_a_caseworker_asks_volunteers_to_help_with_the_move(pages_in_english, caseworker,
                                                            household, reservation):
    pages_in_english.force_login(caseworker)
    url = reverse("housing:moving_help", args=[household.pk, reservation.pk])
    form = pages_in_english.get(url).context["form"]
    # the child of 8 means a child certificate is asked for by default
    assert form.initial["involves_children_under_15"] is True

    response = pages_in_english.post(url, form_data(involves_children_under_15="on"))

    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.kind.code, task.title, task.area) == ("moving", "Flyttehjælp", "4330 Hvalsø")
    assert task.household == household
    assert task.involves_children_under_15 is True
    assert task.ends_at - task.starts_at == datetime.timedelta(hours=3)
    assert reservation.unit.address not in task.description + task.title + task.area
    assert Placement.objects.get().moving_task == task


def test_personal_data_in_the_text_is_refused_on_the_field_and_kept(
        pages_in_english, caseworker, household, reservation):
    pages_in_english.force_login(caseworker)
    name = household.persons.first().first_name
    url = reverse("housing:moving_help", args=[household.pk, reservation.pk])

    response = pages_in_english.post(url, form_data(description=f"Hjælp {name} med at flytte"))

    assert response.status_code == 200
    assert response.context["form"].errors["description"] == [
        f'The description contains the name "{name}".']
    assert f"Hjælp {name} med at flytte" in response.content.decode()
    assert not Task.objects.exists()


def test_help_is_asked_for_once_per_move(caseworker, reservation):
    start = timezone.now() + datetime.timedelta(days=7)
    ask = dict(placement=reservation, actor=caseworker, starts_at=start,
               ends_at=start + datetime.timedelta(hours=2), title="Flyttehjælp",
               description="Bære kasser.", languages=[], involves_children_under_15=False,
               estimated_hours=None)
    services.moving_help_request(**ask)

    with pytest.raises(ValidationError) as error:
        services.moving_help_request(**ask)

    assert error.value.messages == [
        "Volunteers have already been asked to help with this move."]
    assert Task.objects.count() == 1
