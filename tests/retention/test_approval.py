"""A manager ticks cases past their period and approves with a reason; only then, after
commit, is each case anonymised. Nothing is erased without an approval row."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from integration_portal.audit.models import AuditEvent
from integration_portal.retention.models import DecisionStatus, RetentionDecision
from integration_portal.retention.services import retention_approve
from reception.models import Person
from tests.notifications.helpers import tasks_run_eagerly
from tests.retention.helpers import closed_case, period

pytestmark = pytest.mark.django_db


@pytest.fixture
def due_case(municipality):
    period(municipality, years=1)
    return closed_case(municipality, closed_on=datetime.date(2020, 1, 1), first_name="Amal")


def test_approving_on_the_page_anonymises_after_commit(english, manager, municipality, due_case,
                                                      django_capture_on_commit_callbacks):
    # given
    english.force_login(manager)

    # when
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        response = english.post("/retention/", {"cases": [due_case.pk],
                                                "reason": "Kassation efter planen"})

    # then
    assert response.status_code == 302
    decision = RetentionDecision.objects.get()
    assert (decision.case_id, decision.approved_by, decision.reason) == (
        due_case.pk, manager, "Kassation efter planen")
    assert decision.status == DecisionStatus.DONE
    assert Person.objects.get(household=due_case).first_name == ""
    approval = AuditEvent.objects.get(action="create", object_type="retention.retentiondecision")
    assert (approval.actor, approval.trail) == (manager, f"reception.household:{due_case.pk}")


def test_a_reason_is_required(english, manager, due_case):
    # given
    english.force_login(manager)

    # when
    response = english.post("/retention/", {"cases": [due_case.pk], "reason": " "})

    # then
    assert response.status_code == 200
    assert "Give the reason for the approval." in response.content.decode()
    assert not RetentionDecision.objects.exists()


def test_a_case_not_on_the_list_cannot_be_approved(english, manager, municipality, due_case):
    # given a case closed only last month
    recent = closed_case(municipality, closed_on=datetime.date.today().replace(day=1))
    english.force_login(manager)

    # when
    response = english.post("/retention/", {"cases": [recent.pk], "reason": "Kassation"})

    # then
    assert response.status_code == 200
    assert not RetentionDecision.objects.exists()


def test_the_service_checks_the_case_again(manager, municipality, other_municipality, due_case):
    # given another municipality's case past its period there
    period(other_municipality, years=1)
    foreign = closed_case(other_municipality, closed_on=datetime.date(2020, 1, 1))

    # then
    with pytest.raises(ValidationError):
        retention_approve(municipality=municipality, case_ids=[foreign.pk], reason="Kassation",
                          actor=manager)
    assert not RetentionDecision.objects.exists()


def test_a_case_cannot_be_approved_twice(manager, municipality, due_case):
    # given
    retention_approve(municipality=municipality, case_ids=[due_case.pk], reason="Kassation",
                      actor=manager)

    # then
    with pytest.raises(ValidationError):
        retention_approve(municipality=municipality, case_ids=[due_case.pk], reason="Igen",
                          actor=manager)
    assert RetentionDecision.objects.count() == 1


def test_a_caseworker_cannot_approve(caseworker, municipality, due_case):
    with pytest.raises(PermissionError):
        retention_approve(municipality=municipality, case_ids=[due_case.pk], reason="Kassation",
                          actor=caseworker)


def test_nothing_is_erased_without_an_approval(manager, municipality, due_case):
    # given a case past its period that nobody approved
    # when the sweep runs
    from integration_portal.retention.tasks import retention_sweep_task

    with tasks_run_eagerly():
        retention_sweep_task()

    # then
    assert Person.objects.get(household=due_case).first_name == "Amal"
