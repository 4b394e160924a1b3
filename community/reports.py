"""Community's section of the managers' report: the referrals to associations made in the
period by how they stand now, the share that started, the consents in force and the
follow-ups overdue.

Decisions the figures rest on:
- Referrals are counted by the day they were made, with their status today (the portal keeps
  no history of statuses). The share that started is of all referrals made in the period.
- A consent is in force on the period's last day when it was given by then and not withdrawn
  by then.
- A follow-up is overdue on the last day when an open referral's follow-up date had passed.
  Closing a referral or moving its follow-up replaces the date, so this is read from the
  referrals as they stand today.

Three queries, whatever the size of the municipality.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from community import selectors
from community.models import ReferralStatus
from integration_portal.core.formats import short_date
from integration_portal.reports.registry import Bar, Chart, Figure, ReportSection

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality
    from integration_portal.reports.registry import Period


def build(municipality: Municipality, period: Period) -> ReportSection:
    by_status = selectors.referrals_made_by_status(municipality=municipality,
                                                   start=period.start, end=period.end)
    consents = selectors.consents_in_force_on(municipality=municipality, day=period.end)
    overdue = selectors.follow_ups_overdue_on(municipality=municipality, day=period.end)
    made = sum(by_status.values())
    started = by_status[ReferralStatus.STARTED]
    last_day_note = _("On %(date)s.") % {"date": short_date(period.end)}

    figures = (
        Figure(key="referrals_made", label=_("Referrals to associations made"), value=made),
        Figure(key="referrals_started", label=_("Referrals that started"), value=started,
               note=_("Of the referrals made in the period, by their status today.")),
        Figure(key="referrals_started_share", label=_("Share of referrals that started"),
               value=round(100 * started / made, 1) if made else None, unit="%"),
        Figure(key="consents_in_force", label=_("Consents to referrals in force"),
               value=consents, note=last_day_note),
        Figure(key="referral_follow_ups_overdue", label=_("Referral follow-ups overdue"),
               value=overdue,
               note=_("Open referrals whose follow-up date had passed on the last day of the "
                      "period.")),
    )
    charts = (
        Chart(key="referrals_by_status", title=_("Referrals made in the period by status"),
              unit=_("referrals"),
              description=_("The referrals to associations made in the period, by their "
                            "status today."),
              bars=tuple(Bar(key=status, label=ReferralStatus(status).label, value=count)
                         for status, count in by_status.items())),
    )
    return ReportSection(key="community", title=_("Associations and community"),
                         figures=figures, charts=charts)
