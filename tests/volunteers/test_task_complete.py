import pytest
from django.core.exceptions import ValidationError

from integration_portal.audit.models import AuditEvent
from tests.factories import HouseholdFactory, UserFactory
from tests.volunteers.factories import VolunteerProfileFactory
from volunteers.models import TaskReport
from volunteers.services import task_complete

pytestmark = pytest.mark.django_db


def test_claimer_completes_with_a_report(claimed_task):
    # when
    report = task_complete(task=claimed_task, volunteer=claimed_task.claimed_by,
                           report_text="Møblerne er samlet.", found_language_internship=False,
                           employer_name="")
    # then
    claimed_task.refresh_from_db()
    assert claimed_task.status == "done"
    assert report.task == claimed_task
    assert report.text == "Møblerne er samlet."


def test_a_found_language_internship_is_recorded_with_its_employer(claimed_task):
    report = task_complete(task=claimed_task, volunteer=claimed_task.claimed_by,
                           report_text="Aftale med bageren.", found_language_internship=True,
                           employer_name=" Lejre Bageri ")
    assert report.found_language_internship is True
    assert report.employer_name == "Lejre Bageri"


def test_a_language_internship_needs_the_employer(claimed_task):
    with pytest.raises(ValidationError) as caught:
        task_complete(task=claimed_task, volunteer=claimed_task.claimed_by,
                      report_text="Fandt en praktik.", found_language_internship=True,
                      employer_name="")
    assert "employer_name" in caught.value.message_dict
    claimed_task.refresh_from_db()
    assert claimed_task.status == "claimed"


def test_only_the_claimer_completes(claimed_task, municipality):
    # given another approved volunteer
    other = VolunteerProfileFactory(user=UserFactory(municipality=municipality,
                                                     volunteer=True)).user
    # when / then
    with pytest.raises(ValidationError):
        task_complete(task=claimed_task, volunteer=other, report_text="Klaret.",
                      found_language_internship=False, employer_name="")
    claimed_task.refresh_from_db()
    assert claimed_task.status == "claimed"
    assert not TaskReport.objects.exists()


def test_an_open_task_cannot_be_completed(task, volunteer_profile):
    with pytest.raises(ValidationError):
        task_complete(task=task, volunteer=volunteer_profile.user, report_text="Klaret.",
                      found_language_internship=False, employer_name="")
    assert not TaskReport.objects.exists()


def test_the_report_on_a_case_task_is_in_the_case_trail(claimed_task, municipality):
    # given the task is linked to a case
    household = HouseholdFactory(municipality=municipality)
    claimed_task.household = household
    claimed_task.save(update_fields=["household"])
    # when
    report = task_complete(task=claimed_task, volunteer=claimed_task.claimed_by,
                           report_text="Klaret.", found_language_internship=False,
                           employer_name="")
    # then
    event = AuditEvent.objects.get(object_type="volunteers.taskreport", object_id=str(report.pk))
    assert event.trail == f"reception.household:{household.pk}"
