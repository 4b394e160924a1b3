"""The approved anonymisation erases a case's personal fields in every app, keeps the figures
the statistics count, logs what it did, and is harmless to run twice."""

import datetime
import os
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile

from integration_portal.audit.models import AuditEvent
from integration_portal.retention.models import DecisionStatus, RetentionDecision
from integration_portal.retention.services import retention_anonymise, retention_approve
from reception import services as reception_services
from reception.models import Document, Household, JournalNote, Letter, Milestone, Person
from tests.employment.factories import MeasureFactory
from tests.factories import MilestoneFactory, PersonFactory
from tests.housing.factories import HousingUnitFactory, PlaceFactory
from tests.letters.factories import LetterFactory
from tests.retention.helpers import closed_case, period
from tests.volunteers.factories import TaskFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def case(municipality, caseworker):
    period(municipality, years=1)
    household = closed_case(
        municipality, closed_on=datetime.date(2020, 1, 1), first_name="Amal", last_name="Haddad",
        birth_date=datetime.date(1990, 7, 12), phone="+4512345678", email="amal@example.org",
        needs_note="Diabetes", languages=["ar", "en"], nationality="Syrien",
    )
    PersonFactory(household=household, relation="child", first_name="Sami",
                  last_name="Haddad", birth_date=datetime.date(2015, 3, 3))
    JournalNote.objects.create(household=household, author=caseworker, text="Samtale med tolk")
    MilestoneFactory(household=household, due_date=datetime.date(2019, 5, 1),
                     done_on=datetime.date(2019, 4, 30), note="Aftalt med Amal")
    Document.objects.create(
        household=household, document_type="identity", original_name="amal-pas.pdf",
        file=ContentFile(b"%PDF passport", name="x.pdf"), content_type="application/pdf",
        size=13, uploaded_by=caseworker,
    )
    LetterFactory(household=household)
    return household


def approve(case, manager):
    [decision] = retention_approve(municipality=case.municipality, case_ids=[case.pk],
                                   reason="Kassation", actor=manager)
    return decision


def test_personal_fields_are_erased_and_statistics_kept(case, manager,
                                                        django_capture_on_commit_callbacks):
    # given
    decision = approve(case, manager)
    document_file = Document.objects.get(household=case).file.path
    letter_file = Letter.objects.get(household=case).pdf.path

    # when
    with django_capture_on_commit_callbacks(execute=True):
        done = retention_anonymise(decision_id=decision.pk)

    # then the personal fields are empty
    assert done is True
    amal = Person.objects.get(household=case, relation="applicant")
    assert (amal.first_name, amal.last_name, amal.phone, amal.email, amal.needs_note) == (
        "", "", "", "", "")
    assert amal.cpr == ""
    assert amal.birth_date == datetime.date(1990, 1, 1)
    assert Person.objects.get(household=case, relation="child").first_name == ""
    household = Household.objects.get(pk=case.pk)
    assert household.address == ""
    assert JournalNote.objects.get(household=case).text == ""
    assert Milestone.objects.get(household=case).note == ""
    # and the files are gone from storage, their rows kept as erased
    document = Document.objects.get(household=case)
    assert (document.file.name, document.original_name) == ("", "")
    assert Letter.objects.get(household=case).pdf.name == ""
    assert not os.path.exists(document_file)
    assert not os.path.exists(letter_file)
    # and what the statistics count is kept
    assert (household.status, household.reference) == ("closed", case.reference)
    assert (amal.residence_basis, amal.languages, amal.nationality) == (
        "asylum_refugee", ["ar", "en"], "Syrien")
    milestone = Milestone.objects.get(household=case)
    assert (milestone.due_date, milestone.done_on) == (datetime.date(2019, 5, 1),
                                                      datetime.date(2019, 4, 30))
    assert Person.objects.filter(household=case).count() == 2


def test_the_decision_logs_what_was_erased_with_an_audit_event(case, manager):
    # given
    decision = approve(case, manager)

    # when
    retention_anonymise(decision_id=decision.pk)

    # then
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DONE
    assert decision.finished_at is not None
    assert decision.erased["reception.persons"] == 2
    assert decision.erased["reception.document files"] == 1
    assert decision.erased["reception.letter files"] == 1
    event = AuditEvent.objects.get(action="delete", object_type="retention.retentiondecision")
    assert (event.actor, event.municipality, event.trail) == (
        manager, case.municipality, f"reception.household:{case.pk}")
    assert "reception.persons" in event.changed_fields
    assert "Amal" not in event.summary


def test_running_twice_is_harmless(case, manager):
    # given
    decision = approve(case, manager)
    assert retention_anonymise(decision_id=decision.pk) is True
    events = AuditEvent.objects.count()

    # when
    again = retention_anonymise(decision_id=decision.pk)

    # then
    assert again is False
    assert AuditEvent.objects.count() == events
    assert RetentionDecision.objects.get().status == DecisionStatus.DONE


def test_a_case_reopened_after_the_approval_is_not_erased(case, manager, caseworker):
    # given an approval, then the case is reopened
    decision = approve(case, manager)
    Household.objects.filter(pk=case.pk).update(status="in_programme")

    # when
    done = retention_anonymise(decision_id=decision.pk)

    # then
    assert done is False
    assert Person.objects.get(household=case, relation="applicant").first_name == "Amal"
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SKIPPED
    assert AuditEvent.objects.filter(object_type="retention.retentiondecision",
                                     summary__contains="not anonymised").exists()


def test_a_case_changed_after_the_approval_is_not_erased(case, manager, caseworker):
    # given an approval, then a caseworker corrects the case's address
    decision = approve(case, manager)
    reception_services.household_update(household=case, actor=caseworker,
                                        expected_arrival_date=case.expected_arrival_date,
                                        placement_decision_date=None, address="Ny adresse 1")

    # when
    done = retention_anonymise(decision_id=decision.pk)

    # then
    assert done is False
    assert Person.objects.get(household=case, relation="applicant").first_name == "Amal"


def test_the_other_apps_erase_their_notes_and_links(case, manager, municipality):
    # given a placement, a network place, a measure and a volunteer task of the case
    from housing.models import Place, Placement
    from volunteers.models import Task

    amal = Person.objects.get(household=case, relation="applicant")
    Placement.objects.create(household=case, unit=HousingUnitFactory(municipality=municipality),
                             is_permanent=True, status="ended",
                             starts_on=datetime.date(2019, 1, 1),
                             ends_on=datetime.date(2019, 12, 1),
                             persons=2, note="Amal vil bo nær sin bror")
    PlaceFactory(municipality=municipality, kind="relatives", household=case,
                 name="Amals bror")
    measure = MeasureFactory(person=amal, notes="Amal er god til køkkenarbejde",
                             outcome="job", outcome_note="Fastansat")
    task = TaskFactory(municipality=municipality, household=case)
    decision = approve(case, manager)

    # when
    retention_anonymise(decision_id=decision.pk)

    # then
    placement = Placement.objects.get(household=case)
    assert (placement.note, placement.persons) == ("", 2)
    assert not Place.objects.filter(household=case).exists()
    measure.refresh_from_db()
    assert (measure.notes, measure.outcome_note, measure.outcome) == ("", "", "job")
    assert measure.hours_per_week == Decimal("20")
    task = Task.objects.get(pk=task.pk)
    assert task.household_id is None
