"""Children's targets: local rules counted from arrival and filtered by age, computed and
reminded of by reception like any deadline, met when the place starts, the assessment is
recorded or the youth guidance's first meeting is held."""

import datetime

import pytest
from django.utils import timezone

from children import services
from children.kinds import DAYCARE_START, LANGUAGE_ASSESSMENT, SCHOOL_START, YOUTH_GUIDANCE
from integration_portal.notifications.models import Notification
from integration_portal.rules.models import Anchor, OffsetUnit
from integration_portal.rules.registry import get_milestone_kind
from integration_portal.rules.services import rule_set_create
from reception import services as reception
from reception.models import Milestone
from reception.reminders import reminder_scan
from tests.children.conftest import born_years_ago

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
ARRIVAL = TODAY - 40 * DAY


def _rule(kind, amount, unit, low, high):
    return {"milestone_kind": kind, "anchor": Anchor.ARRIVAL, "offset_amount": amount,
            "offset_unit": unit, "min_age": low, "max_age": high, "is_local": True,
            "legal_basis": "Lokalt mål", "confidence": "G"}


@pytest.fixture
def local_targets(municipality):
    return rule_set_create(municipality=municipality, effective_from=datetime.date(2025, 7, 1),
                           actor=None, rules=[
                               _rule(DAYCARE_START, 3, OffsetUnit.MONTHS, None, 5),
                               _rule(SCHOOL_START, 4, OffsetUnit.WEEKS, 6, 16),
                               _rule(LANGUAGE_ASSESSMENT, 3, OffsetUnit.MONTHS, 2, 6),
                               _rule(YOUTH_GUIDANCE, 2, OffsetUnit.MONTHS, 15, 17),
                           ])


@pytest.fixture
def family(municipality, caseworker, local_targets):
    household = reception.notice_register(
        municipality=municipality, actor=caseworker, source="email",
        received_on=ARRIVAL - 20 * DAY, expected_arrival_date=ARRIVAL,
        residence_basis="asylum_refugee", adults=1, children_0_5=1, children_6_14=1,
        children_15_17=1)
    reception.household_assign_caseworker(household=household, actor=caseworker,
                                          caseworker=caseworker)
    for first, relation, birth in (("Rania", "applicant", datetime.date(1988, 7, 2)),
                                   ("Lina", "child", born_years_ago(4)),
                                   ("Omar", "child", born_years_ago(9)),
                                   ("Karim", "child", born_years_ago(16))):
        reception.person_add(household=household, actor=caseworker, relation=relation,
                             first_name=first, last_name="Haddad", birth_date=birth,
                             residence_basis="asylum_refugee")
    reception.household_mark_arrived(household=household, actor=caseworker,
                                     arrival_date=ARRIVAL)
    return household


def _kinds_of(household, first_name):
    return sorted(Milestone.objects.filter(household=household, person__first_name=first_name)
                  .filter(kind__in=[DAYCARE_START, SCHOOL_START, LANGUAGE_ASSESSMENT,
                                    YOUTH_GUIDANCE]).values_list("kind", flat=True))


def test_the_kinds_are_registered_by_children():
    assert str(get_milestone_kind(SCHOOL_START).label) == "School start"
    assert str(get_milestone_kind(YOUTH_GUIDANCE).label) == "Youth guidance first meeting"


def test_arrival_makes_each_child_s_targets_due_by_age(family):
    assert _kinds_of(family, "Lina") == [DAYCARE_START, LANGUAGE_ASSESSMENT]
    assert _kinds_of(family, "Omar") == [SCHOOL_START]
    assert _kinds_of(family, "Karim") == [SCHOOL_START, YOUTH_GUIDANCE]
    assert _kinds_of(family, "Rania") == []
    school = Milestone.objects.get(household=family, person__first_name="Omar")
    assert (school.due_date, school.is_local) == (ARRIVAL + 28 * DAY, True)


def test_a_started_school_place_meets_the_school_start(family, school, caseworker):
    omar = family.persons.get(first_name="Omar")

    services.placement_create(person=omar, actor=caseworker, institution=school,
                              kind="reception_class", status="started",
                              requested_on=ARRIVAL, starts_on=ARRIVAL + 20 * DAY)

    milestone = Milestone.objects.get(person=omar, kind=SCHOOL_START)
    assert (milestone.done_on, milestone.done_by) == (ARRIVAL + 20 * DAY, caseworker)
    assert milestone.note == "Started at Hvalsø Skole."


def test_a_requested_place_does_not(family, school, caseworker):
    omar = family.persons.get(first_name="Omar")

    services.placement_create(person=omar, actor=caseworker, institution=school,
                              status="requested", requested_on=ARRIVAL)

    assert Milestone.objects.get(person=omar, kind=SCHOOL_START).done_on is None


def test_starting_daycare_meets_the_daycare_start_and_an_assessment_its_own(
        family, daycare, caseworker):
    lina = family.persons.get(first_name="Lina")

    services.placement_create(person=lina, actor=caseworker, institution=daycare,
                              status="started", requested_on=ARRIVAL, starts_on=TODAY - DAY)
    services.assessment_create(person=lina, actor=caseworker, assessed_on=TODAY,
                               result="Fokuseret indsats")

    done = dict(Milestone.objects.filter(person=lina).values_list("kind", "done_on"))
    assert done == {DAYCARE_START: TODAY - DAY, LANGUAGE_ASSESSMENT: TODAY}


def test_the_first_youth_guidance_meeting_meets_its_target(family, caseworker):
    karim = family.persons.get(first_name="Karim")

    services.youth_guidance_save(person=karim, actor=caseworker, contact_name="Lars Holm",
                                 first_meeting_on=TODAY - 2 * DAY)

    assert Milestone.objects.get(person=karim, kind=YOUTH_GUIDANCE).done_on == TODAY - 2 * DAY


def test_a_planned_meeting_in_the_future_does_not_yet(family, caseworker):
    karim = family.persons.get(first_name="Karim")

    services.youth_guidance_save(person=karim, actor=caseworker, first_meeting_on=TODAY + DAY)

    assert Milestone.objects.get(person=karim, kind=YOUTH_GUIDANCE).done_on is None


def test_the_morning_scan_reminds_of_an_overdue_school_start(family, caseworker):
    # given Omar's school start was due 12 days ago (4 weeks after an arrival 40 days ago)
    milestone = Milestone.objects.get(household=family, person__first_name="Omar")
    assert milestone.due_date < TODAY

    # when
    reminder_scan(today=TODAY)

    # then the caseworker is told, like for any other deadline
    assert Notification.objects.filter(subject_key=f"reception.milestone:{milestone.pk}",
                                       stage="overdue", recipient=caseworker).exists()


def test_a_met_school_start_is_not_reminded_of(family, school, caseworker):
    omar = family.persons.get(first_name="Omar")
    services.placement_create(person=omar, actor=caseworker, institution=school,
                              status="started", requested_on=ARRIVAL, starts_on=TODAY - DAY)
    milestone = Milestone.objects.get(person=omar, kind=SCHOOL_START)

    reminder_scan(today=TODAY)

    assert not Notification.objects.filter(
        subject_key=f"reception.milestone:{milestone.pk}").exists()
