"""Interruptions of an IGU, and extensions: leave or illness longer than 8 weeks extends it by
the interruption's length; any other extension needs a reason, kept with the IGU."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from employment.models import MeasureInterruption, RuleAcknowledgement
from employment.services.igu import interruption_record
from employment.services.measures import RuleWarnings
from integration_portal.audit.models import AuditEvent
from reception.services import case_trail
from tests.employment.factories import IguFactory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 9, 1)
END = datetime.date(2028, 8, 31)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def igu(household):
    return IguFactory(person=PersonFactory(household=household), starts_on=START)


def record(igu, actor, *, reason="illness", starts_on=datetime.date(2027, 1, 4), days=28,
           extend=True, **kwargs):
    return interruption_record(measure=igu, actor=actor, reason=reason, starts_on=starts_on,
                               ends_on=starts_on + (days - 1) * DAY, extend=extend, **kwargs)


def test_ten_weeks_of_illness_extend_the_igu_by_seventy_days(igu, caseworker):
    # when
    interruption = record(igu, caseworker, days=70)

    # then
    igu.refresh_from_db()
    assert interruption.extension_days == 70
    assert igu.ends_on == END + 70 * DAY
    assert not RuleAcknowledgement.objects.exists()
    trail = AuditEvent.objects.filter(trail=case_trail(igu.household_id))
    assert set(trail.values_list("summary", flat=True)) == {
        "IGU interruption recorded, extended by 70 days", "IGU extended for an interruption"}


def test_exactly_eight_weeks_is_not_longer_than_eight_weeks(igu, caseworker):
    with pytest.raises(RuleWarnings):
        record(igu, caseworker, reason="leave", days=56)
    record(igu, caseworker, reason="leave", days=57)
    igu.refresh_from_db()
    assert igu.ends_on == END + 57 * DAY


def test_an_extension_for_four_weeks_of_illness_warns_and_saves_nothing(igu, caseworker):
    # when
    with pytest.raises(RuleWarnings) as warned:
        record(igu, caseworker, days=28)

    # then
    assert [(b.code, b.message) for b in warned.value.breaches] == [(
        "igu_extension",
        "An IGU is extended for leave or illness longer than 8 weeks; this interruption "
        "lasts 28 days.")]
    igu.refresh_from_db()
    assert igu.ends_on == END
    assert not MeasureInterruption.objects.exists()
    assert not RuleAcknowledgement.objects.exists()


def test_with_a_reason_the_short_extension_is_saved_with_the_acknowledgement(igu, caseworker):
    # when
    interruption = record(igu, caseworker, days=28, acknowledgements={
        "igu_extension": " Agreed with the job centre after the operation. "})

    # then
    igu.refresh_from_db()
    assert (interruption.extension_days, igu.ends_on) == (28, END + 28 * DAY)
    ack = RuleAcknowledgement.objects.get()
    assert (ack.measure, ack.code, ack.reason, ack.acknowledged_by) == (
        igu, "igu_extension", "Agreed with the job centre after the operation.", caseworker)
    assert ack.rule_set.effective_from <= START


def test_an_extension_for_another_reason_warns_however_long(igu, caseworker):
    with pytest.raises(RuleWarnings) as warned:
        record(igu, caseworker, reason="other", days=100)
    assert "for another reason" in warned.value.breaches[0].message


def test_without_an_extension_the_interruption_is_only_recorded(igu, caseworker):
    # when four weeks of illness are recorded without asking for an extension
    interruption = record(igu, caseworker, days=28, extend=False, note=" Hospital ")

    # then
    igu.refresh_from_db()
    assert (interruption.extension_days, interruption.note, igu.ends_on) == (0, "Hospital", END)


@pytest.mark.parametrize(("starts_on", "days"), [
    (START - DAY, 10),
    (END - 5 * DAY, 10),
])
def test_an_interruption_outside_the_igu_is_refused(igu, caseworker, starts_on, days):
    with pytest.raises(ValidationError) as refused:
        record(igu, caseworker, starts_on=starts_on, days=days, extend=False)
    assert refused.value.message_dict["starts_on"] == [
        "The interruption must lie within the IGU, which runs from 09/01/2026 to 08/31/2028."]
    assert not MeasureInterruption.objects.exists()


def test_overlapping_interruptions_are_refused(igu, caseworker):
    # given
    record(igu, caseworker, starts_on=datetime.date(2027, 1, 4), days=70)

    # when one ending on the first one's last day is recorded
    with pytest.raises(ValidationError) as refused:
        record(igu, caseworker, starts_on=datetime.date(2027, 3, 1), days=14, extend=False)

    # then
    assert refused.value.message_dict["starts_on"] == [
        "Another interruption, from 01/04/2027 to 03/14/2027, covers some of the same days."]
    assert MeasureInterruption.objects.count() == 1


def test_the_end_before_the_start_is_refused(igu, caseworker):
    with pytest.raises(ValidationError) as refused:
        interruption_record(measure=igu, actor=caseworker, reason="illness",
                            starts_on=datetime.date(2027, 3, 1),
                            ends_on=datetime.date(2027, 2, 1), extend=True)
    assert "ends_on" in refused.value.message_dict


def test_a_manager_cannot_record_an_interruption(igu, manager):
    with pytest.raises(PermissionError):
        record(igu, manager, days=70)
    assert not MeasureInterruption.objects.exists()
