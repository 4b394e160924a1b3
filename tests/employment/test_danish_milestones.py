"""Recording the referral to Danish education and the first lesson ticks off the person's
open reception milestones (INL § 21; the Danish Education Act § 5), on the dates recorded."""

import datetime

import pytest

from employment.services import danish as services
from integration_portal.audit.models import AuditEvent
from integration_portal.rules.kinds import DANISH_REFERRAL, DANISH_START
from reception.models import Milestone
from tests.employment.factories import DanishEducationFactory
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory

pytestmark = pytest.mark.django_db

REFERRED = datetime.date(2026, 10, 1)
STARTED = datetime.date(2026, 10, 12)


@pytest.fixture
def person(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
    return PersonFactory(household=household)


def open_milestone(person, kind):
    return MilestoneFactory(household=person.household, person=person, kind=kind,
                            due_date=datetime.date(2026, 11, 2))


def create(person, actor, **overrides):
    fields = {"provider": "Sprogcenter Roskilde", "track": "DU2", "module": 1,
              "referred_on": REFERRED, **overrides}
    return services.danish_education_create(person=person, actor=actor, **fields)


def test_the_referral_completes_the_referral_milestone_on_the_referral_date(person, caseworker):
    # given
    referral = open_milestone(person, DANISH_REFERRAL)
    start = open_milestone(person, DANISH_START)

    # when the referral is recorded, without a first lesson yet
    education = create(person, caseworker)

    # then the referral milestone is done on the day of the referral, the start one is open
    referral.refresh_from_db()
    start.refresh_from_db()
    assert (referral.done_on, referral.done_by) == (REFERRED, caseworker)
    assert "Sprogcenter Roskilde" in referral.note
    assert start.done_on is None
    assert education.status == "referred"


def test_a_first_lesson_recorded_with_the_referral_completes_both(person, caseworker):
    open_milestone(person, DANISH_REFERRAL)
    open_milestone(person, DANISH_START)

    education = create(person, caseworker, starts_on=STARTED)

    done = dict(Milestone.objects.filter(person=person).values_list("kind", "done_on"))
    assert done == {DANISH_REFERRAL: REFERRED, DANISH_START: STARTED}
    assert education.status == "active"


def test_the_start_recorded_later_completes_the_start_milestone(person, caseworker):
    # given a referral recorded earlier
    open_milestone(person, DANISH_START)
    education = create(person, caseworker)

    # when the first lesson is recorded
    education = services.danish_education_update(education=education, actor=caseworker,
                                                  starts_on=STARTED)

    # then the start milestone is done on that day, and the person is attending
    assert Milestone.objects.get(person=person, kind=DANISH_START).done_on == STARTED
    assert education.status == "active"


def test_a_milestone_already_done_keeps_its_date(person, caseworker):
    # given the referral milestone ticked off by hand earlier
    milestone = open_milestone(person, DANISH_REFERRAL)
    Milestone.objects.filter(pk=milestone.pk).update(done_on=datetime.date(2026, 9, 28))

    create(person, caseworker)

    milestone.refresh_from_db()
    assert milestone.done_on == datetime.date(2026, 9, 28)


def test_without_milestones_nothing_else_happens(person, caseworker):
    # given no milestones (the takeover date is not known yet)
    education = create(person, caseworker, starts_on=STARTED)

    assert education.pk is not None
    assert not Milestone.objects.exists()


def test_only_the_persons_own_milestones_are_completed(person, caseworker):
    # given the spouse's open referral milestone
    spouse = PersonFactory(household=person.household, relation="spouse")
    spouses = open_milestone(spouse, DANISH_REFERRAL)

    create(person, caseworker)

    spouses.refresh_from_db()
    assert spouses.done_on is None


def test_the_education_and_the_milestones_are_audited_on_the_case_trail(person, caseworker):
    open_milestone(person, DANISH_REFERRAL)

    education = create(person, caseworker)

    trail = f"reception.household:{person.household_id}"
    events = AuditEvent.objects.filter(trail=trail, action="create")
    assert events.filter(object_type="employment.danisheducation",
                         object_id=str(education.pk)).exists()
    assert AuditEvent.objects.filter(trail=trail, object_type="reception.milestone",
                                     action="update").exists()
    assert all(person.first_name not in event.summary for event in AuditEvent.objects.all())


def test_an_existing_education_changed_later_completes_a_milestone_created_since(
        person, caseworker):
    # given an education recorded before the takeover was known, and the milestone created
    # since
    education = DanishEducationFactory(person=person, referred_on=REFERRED)
    milestone = open_milestone(person, DANISH_REFERRAL)

    services.danish_education_update(education=education, actor=caseworker, module=2)

    milestone.refresh_from_db()
    assert milestone.done_on == REFERRED
