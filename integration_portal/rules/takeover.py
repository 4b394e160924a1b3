"""The takeover date: when responsibility for a person passes to the municipality (§ 7).

Every programme deadline counts from it. This computes the statutory date; a takeover
agreed earlier with the person's consent (allowed for asylum refugees) is recorded on the
case instead, and the deadlines then count from that.
"""

from __future__ import annotations

from datetime import date

from integration_portal.rules.calendar import add_months, add_working_days, next_working_day
from integration_portal.rules.models import ResidenceBasis

UKRAINIAN_WORKING_DAYS = 15


def compute_takeover_date(
    *,
    residence_basis: str,
    placement_decision_date: date | None = None,
    cpr_registration_date: date | None = None,
    special_act_decision_date: date | None = None,
    working_days_for_ukrainians: int = UKRAINIAN_WORKING_DAYS,
) -> date | None:
    """The statutory takeover date, or None when it cannot (yet) be computed.

    - Asylum refugee (INL § 4(2)): the 1st day after the end of the first full calendar
      month after the placement decision, moved to the next working day. domain.md marks a
      decision made on the 1st of a month as uncertain. We read "after the decision"
      literally: the month in which the decision falls is never the first full month, even
      when the decision is made on its 1st. So the full month is always the following
      month, and the takeover is the 1st of the month after that. The other reading would
      make the takeover one month earlier for decisions made on the 1st.
    - Quota refugee and family-reunified (INL § 4(3)): the CPR registration date, as it is.
    - Ukrainian under the special act: at most `working_days_for_ukrainians` working days
      after the decision. We return that latest date.
    - Other immigrants have no programme takeover: None.

    Working days here count only weekends and public holidays as days off, and not the
    closing days of municipal offices. A statutory date must not move later because an
    office is closed; the 1st of a month is never one of those closing days anyway.
    """
    match residence_basis:
        case ResidenceBasis.ASYLUM_REFUGEE:
            if placement_decision_date is None:
                return None
            first_full_month = add_months(placement_decision_date.replace(day=1), 1)
            return next_working_day(add_months(first_full_month, 1), extra_closed=False)
        case ResidenceBasis.QUOTA_REFUGEE | ResidenceBasis.FAMILY_REUNIFIED:
            return cpr_registration_date
        case ResidenceBasis.UKRAINIAN_SPECIAL_ACT:
            if special_act_decision_date is None:
                return None
            return add_working_days(
                special_act_decision_date, working_days_for_ukrainians, extra_closed=False
            )
        case ResidenceBasis.OTHER_IMMIGRANT:
            return None
    raise ValueError(f"Unknown residence basis {residence_basis!r}")
