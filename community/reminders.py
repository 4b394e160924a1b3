"""The morning reminder of referrals to follow up.

An open referral whose follow-up date has come becomes a notification for the case's
caseworker (or, without one, for whoever made the referral). The subject holds the follow-up
date, so a follow-up moved to a later date reminds again on that date, and the unique
constraint on notifications makes the scan safe to run twice.

Titles are e-mailed, and e-mail is not a secure channel: they name the association and the
case reference, never the person.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from community.selectors import referrals_due_for_reminder
from integration_portal.notifications.models import Notification, NotificationStage
from integration_portal.notifications.services import notifications_create_many

logger = logging.getLogger(__name__)

SUBJECT = "community.referral"


def referral_follow_up_scan(*, today: datetime.date, batch_size: int = 500) -> int:
    """Create the follow-up notifications due on `today`, page by page; how many were new."""
    created = 0
    after_pk = 0
    while True:
        batch = referrals_due_for_reminder(today=today, after_pk=after_pk, limit=batch_size)
        if not batch:
            break
        notifications = []
        with translation.override(settings.LANGUAGE_CODE):
            for referral in batch:
                recipient_id = referral.household.caseworker_id or referral.referred_by_id
                title = _("Follow up the referral to %(association)s (case %(reference)s)") % {
                    "association": referral.association.name,
                    "reference": referral.household.reference}
                notifications.append(Notification(
                    municipality_id=referral.municipality_id, recipient_id=recipient_id,
                    subject_key=f"{SUBJECT}:{referral.pk}:{referral.follow_up_on.isoformat()}",
                    stage=(NotificationStage.OVERDUE if referral.follow_up_on < today
                           else NotificationStage.WARNING),
                    title=Truncator(title).chars(
                        Notification._meta.get_field("title").max_length),
                    url=reverse("community:referral_follow_up", args=[referral.pk]),
                ))
        created += notifications_create_many(notifications=notifications)
        after_pk = batch[-1].pk
        if len(batch) < batch_size:
            break
    logger.info("Referral follow-up scan %s: %d new notification(s)", today, created)
    return created
