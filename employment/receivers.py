"""What employment does when the volunteers app announces something (see volunteers/signals.py).

Connected in EmploymentConfig.ready(). The receivers only hand over to a service.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from employment.services.referrals import referral_create_from_report

if TYPE_CHECKING:
    from volunteers.models import TaskReport


def on_internship_found(sender, *, report: TaskReport, **kwargs) -> None:
    # Runs inside the volunteer's completion of the task: one transaction for both.
    referral_create_from_report(report=report)
