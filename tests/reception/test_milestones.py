"""Milestones follow from the rules in force; recomputation never touches done ones."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from integration_portal.rules.models import Anchor, OffsetUnit, Rule, RuleSet
from reception import services
from reception.models import Milestone

pytestmark = pytest.mark.django_db


@pytest.fixture
def arrived(household, caseworker, adult_data):
    services.person_add(household=household, actor=caseworker, **adult_data)
    with freeze_time("2026-10-05"):
        return services.household_mark_arrived(household=household, actor=caseworker,
                                               arrival_date=date(2026, 10, 1))


def test_an_asylum_refugees_deadlines_count_from_the_takeover(arrived):
    # given a placement decision on 10 Sep 2026: takeover 1 Nov 2026 (the first full month
    # after the decision is October), and 1 Nov 2026 is a Sunday -> Monday 2 Nov
    person = arrived.persons.get()
    assert person.takeover_date == date(2026, 11, 2)

    # then the national default's one-month deadlines fall on 2 Dec 2026
    due = dict(Milestone.objects.filter(person=person).values_list("kind", "due_date"))
    assert due["danish_referral"] == date(2026, 12, 2)
    assert due["health_assessment_offer"] == date(2027, 5, 2)


def test_a_local_stricter_rule_wins_when_earlier(household, caseworker, adult_data, municipality):
    # given Lejre's own target: the programme starts within 4 weeks of arrival
    rule_set = RuleSet.objects.create(municipality=municipality, name="Lejre",
                                      effective_from=date(2025, 7, 1))
    Rule.objects.create(rule_set=rule_set, milestone_kind="programme_start",
                        anchor=Anchor.ARRIVAL, offset_amount=4, offset_unit=OffsetUnit.WEEKS,
                        is_local=True, legal_basis="Lejre: inden 4 uger", min_age=18)
    services.person_add(household=household, actor=caseworker, **adult_data)

    # when the household arrives on 1 Oct 2026
    with freeze_time("2026-10-05"):
        services.household_mark_arrived(household=household, actor=caseworker,
                                        arrival_date=date(2026, 10, 1))

    # then the programme is due 29 Oct 2026, by the local rule
    milestone = Milestone.objects.get(kind="programme_start")
    assert milestone.due_date == date(2026, 10, 29)
    assert milestone.is_local


def test_changing_the_takeover_date_moves_open_milestones_but_not_done_ones(arrived, caseworker):
    person = arrived.persons.get()
    done = Milestone.objects.get(person=person, kind="contract_and_declaration")
    with freeze_time("2026-12-01"):
        services.milestone_complete(milestone=done, actor=caseworker, done_on=date(2026, 11, 20))

    # when the caseworker sets the takeover date by hand
    services.person_set_takeover_override(person=person, actor=caseworker,
                                          takeover_date=date(2026, 11, 16),
                                          reason="Overtaget tidligere efter samtykke")

    # then open milestones move and the done one keeps its date
    assert Milestone.objects.get(person=person, kind="danish_referral").due_date == date(
        2026, 12, 16)
    done.refresh_from_db()
    assert done.due_date == date(2026, 12, 2)
    assert done.done_on == date(2026, 11, 20)


def test_a_new_rule_set_recomputes_open_milestones(arrived, caseworker, municipality):
    # given a municipality rule set that changes the statutory deadline for Danish referral
    rule_set = RuleSet.objects.create(municipality=municipality, name="Ny",
                                      effective_from=date(2025, 7, 1))
    Rule.objects.create(rule_set=rule_set, milestone_kind="danish_referral",
                        anchor=Anchor.TAKEOVER, offset_amount=2, offset_unit=OffsetUnit.WEEKS,
                        legal_basis="Test", min_age=18)

    services.milestones_recompute(household=arrived)

    assert Milestone.objects.get(kind="danish_referral").due_date == date(2026, 11, 16)


def test_a_takeover_override_needs_a_reason(arrived, caseworker):
    with pytest.raises(ValidationError):
        services.person_set_takeover_override(person=arrived.persons.get(), actor=caseworker,
                                              takeover_date=date(2026, 11, 3), reason="  ")


def test_children_get_no_programme_deadlines(household, caseworker, adult_data):
    child = {**adult_data, "relation": "child", "first_name": "Omar", "cpr": "",
             "birth_date": date(2015, 1, 1)}
    services.person_add(household=household, actor=caseworker, **adult_data)
    services.person_add(household=household, actor=caseworker, **child)
    with freeze_time("2026-10-05"):
        services.household_mark_arrived(household=household, actor=caseworker,
                                        arrival_date=date(2026, 10, 1))

    kinds = set(Milestone.objects.filter(person__first_name="Omar").values_list("kind", flat=True))
    assert kinds == {"health_assessment_offer"}


def test_arrival_needs_persons_and_a_date_not_in_the_future(household, caseworker):
    with pytest.raises(ValidationError):
        services.household_mark_arrived(household=household, actor=caseworker,
                                        arrival_date=date(2026, 10, 1))


def test_a_household_arrives_only_once(arrived, caseworker):
    with freeze_time("2026-10-05"), pytest.raises(ValidationError):
        services.household_mark_arrived(household=arrived, actor=caseworker,
                                        arrival_date=date(2026, 10, 2))
