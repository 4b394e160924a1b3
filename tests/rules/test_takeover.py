"""The takeover date per residence basis (domain.md §7, INL § 4)."""

from datetime import date

import pytest

from integration_portal.rules.models import ResidenceBasis
from integration_portal.rules.takeover import compute_takeover_date


def asylum_takeover(decided_on: date) -> date | None:
    return compute_takeover_date(
        residence_basis=ResidenceBasis.ASYLUM_REFUGEE, placement_decision_date=decided_on
    )


def test_asylum_takeover_is_the_1st_after_the_first_full_month():
    # given a decision on Wednesday 15 October 2025: November is the first full month
    # when / then the takeover is Monday 1 December
    assert asylum_takeover(date(2025, 10, 15)) == date(2025, 12, 1)


def test_a_decision_on_the_last_day_of_a_month():
    # given a decision on 31 October 2025: November is still the first full month after it
    assert asylum_takeover(date(2025, 10, 31)) == date(2025, 12, 1)


def test_a_decision_on_the_1st_does_not_count_its_own_month():
    # given a decision on 1 October 2025 (the uncertain case; we take the later reading)
    # then October is not the first full month after the decision, November is
    assert asylum_takeover(date(2025, 10, 1)) == date(2025, 12, 1)


def test_a_takeover_on_a_saturday_moves_to_monday():
    # given a decision in January 2025: February is full, 1 March 2025 is a Saturday
    assert asylum_takeover(date(2025, 1, 15)) == date(2025, 3, 3)


def test_a_takeover_on_new_years_day_moves_to_the_next_working_day():
    # given a decision in November 2025: December is full, 1 January 2026 is Nytårsdag
    assert asylum_takeover(date(2025, 11, 20)) == date(2026, 1, 2)


def test_a_takeover_on_easter_monday_moves_to_tuesday():
    # given a decision on 29 February 2024 (a leap day): March is the first full month,
    # and 1 April 2024 is 2. påskedag (Easter Sunday was 31 March)
    assert asylum_takeover(date(2024, 2, 29)) == date(2024, 4, 2)


def test_a_full_february_in_a_leap_year():
    # given a decision on 31 January 2024: February 2024 (29 days) is the first full month
    # then the takeover is Friday 1 March 2024
    assert asylum_takeover(date(2024, 1, 31)) == date(2024, 3, 1)


def test_a_decision_in_december_crosses_the_year():
    # given a decision in December 2025: January 2026 is full, 1 February 2026 is a Sunday
    assert asylum_takeover(date(2025, 12, 10)) == date(2026, 2, 2)


def test_asylum_takeover_is_unknown_without_a_placement_decision():
    assert asylum_takeover(None) is None


@pytest.mark.parametrize(
    "basis", [ResidenceBasis.QUOTA_REFUGEE, ResidenceBasis.FAMILY_REUNIFIED]
)
def test_quota_and_family_reunified_take_over_on_the_cpr_registration_date(basis):
    # given a CPR registration on a Saturday, which is not moved
    registered = date(2025, 3, 1)

    # when
    takeover = compute_takeover_date(residence_basis=basis, cpr_registration_date=registered)

    # then
    assert takeover == registered


def test_quota_takeover_is_unknown_before_cpr_registration():
    assert compute_takeover_date(residence_basis=ResidenceBasis.QUOTA_REFUGEE) is None


def test_ukrainian_takeover_is_15_working_days_after_the_decision():
    # given a decision on Monday 2 June 2025; 2. pinsedag (9 June) is a holiday, while
    # Grundlovsdag (5 June) is a closing day, not a public holiday, and so still counts
    decided_on = date(2025, 6, 2)

    # when
    takeover = compute_takeover_date(
        residence_basis=ResidenceBasis.UKRAINIAN_SPECIAL_ACT,
        special_act_decision_date=decided_on,
    )

    # then
    assert takeover == date(2025, 6, 24)


def test_the_ukrainian_number_of_working_days_is_configurable():
    # given a decision on Friday 7 March 2025
    # when the limit is 5 working days
    takeover = compute_takeover_date(
        residence_basis=ResidenceBasis.UKRAINIAN_SPECIAL_ACT,
        special_act_decision_date=date(2025, 3, 7),
        working_days_for_ukrainians=5,
    )

    # then
    assert takeover == date(2025, 3, 14)


def test_other_immigrants_have_no_takeover():
    takeover = compute_takeover_date(
        residence_basis=ResidenceBasis.OTHER_IMMIGRANT,
        placement_decision_date=date(2025, 1, 15),
        cpr_registration_date=date(2025, 2, 1),
    )

    assert takeover is None


def test_an_unknown_residence_basis_is_an_error():
    with pytest.raises(ValueError, match="tourist"):
        compute_takeover_date(residence_basis="tourist", cpr_registration_date=date(2025, 1, 1))
