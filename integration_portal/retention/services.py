"""Writes of the retention module: periods, a manager's approval, and the anonymisation."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.core.queue import enqueue_on_commit
from integration_portal.retention.models import DecisionStatus, RetentionDecision, RetentionPeriod
from integration_portal.retention.registry import ClosedCase, anonymisers, case_source
from integration_portal.retention.selectors import retention_periods
from integration_portal.rules.calendar import add_months

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User


@transaction.atomic
def retention_periods_set(
    *, municipality: Municipality, periods: Mapping[str, tuple[int, int] | None], actor: User,
) -> None:
    """Set the period (years, months) of each case type; None removes it, so that case type
    is never listed. Unchanged periods are left alone."""
    require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    current = retention_periods(municipality_id=municipality.pk)
    for case_type, value in periods.items():
        period = current.get(case_type)
        if value is None or value == (0, 0):
            if period is not None:
                audit_record(actor=actor, municipality=municipality, action=AuditAction.DELETE,
                             obj=period, summary=f"Retention period removed: {case_type}")
                period.delete()
            continue
        if period is not None and (period.years, period.months) == value:
            continue
        action = AuditAction.CREATE if period is None else AuditAction.UPDATE
        period = period or RetentionPeriod(municipality=municipality, case_type=case_type)
        period.years, period.months = value
        period.changed_by = actor
        period.full_clean()
        period.save()
        audit_record(actor=actor, municipality=municipality, action=action, obj=period,
                     summary=f"Retention period of {case_type}: {value[0]} years {value[1]} months",
                     changed_fields=["years", "months"])


def is_past_period(case: ClosedCase, period: RetentionPeriod | None,
                   today: datetime.date) -> bool:
    if period is None or period.total_months == 0:
        return False
    closed_on = timezone.localdate(case.closed_at)
    return add_months(closed_on, period.total_months) <= today


@transaction.atomic
def retention_approve(
    *, municipality: Municipality, case_ids: Iterable[int], reason: str, actor: User,
) -> list[RetentionDecision]:
    """A manager approves anonymising these closed cases; the worker does it after commit.

    Each case is checked again here, not trusted from the page: it must be the manager's
    municipality's, closed, past its period and not approved before.
    """
    require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for the approval.")})
    case_ids = sorted(set(case_ids))
    if not case_ids:
        raise ValidationError(_("Choose at least one case."))
    periods = retention_periods(municipality_id=municipality.pk)
    approved_before = set(
        RetentionDecision.objects.filter(case_id__in=case_ids)
        .exclude(status=DecisionStatus.SKIPPED).values_list("case_id", flat=True)
    )
    today = timezone.localdate()
    source = case_source()
    decisions = []
    for case_id in case_ids:
        case = source.closed_case(case_id=case_id)
        if (case is None or case.municipality_id != municipality.pk or case_id in approved_before
                or not is_past_period(case, periods.get(case.case_type), today)):
            raise ValidationError(
                _("One of the chosen cases can no longer be anonymised. Reload the page."))
        decision = RetentionDecision.objects.create(
            municipality=municipality, case_id=case.case_id, case_reference=case.reference,
            case_type=case.case_type, case_closed_at=case.closed_at,
            case_changed_at=case.changed_at, reason=reason, approved_by=actor,
        )
        audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                     obj=decision, trail=case.trail,
                     summary=f"Anonymisation of case {case.reference} approved")
        decisions.append(decision)
    from integration_portal.retention.tasks import retention_anonymise_task

    for decision in decisions:
        enqueue_on_commit(retention_anonymise_task, decision.pk)
    return decisions


def retention_anonymise(*, decision_id: int) -> bool:
    """Erase one approved case's personal fields; True if it did. Safe to run twice.

    The decision is claimed under a row lock and only an approved one is acted on, so a
    second run finds it done and does nothing. A case reopened or changed since the manager
    approved it is not erased: the decision is marked skipped and the case can be approved
    again once it is closed and past its period.
    """
    with transaction.atomic():
        decision = (RetentionDecision.objects.select_for_update()
                    .filter(pk=decision_id, status=DecisionStatus.APPROVED)
                    .select_related("municipality", "approved_by").first())
        if decision is None:
            return False
        case = case_source().closed_case(case_id=decision.case_id)
        decision.finished_at = timezone.now()
        if (case is None or case.municipality_id != decision.municipality_id
                or case.closed_at != decision.case_closed_at
                or case.changed_at != decision.case_changed_at):
            decision.status = DecisionStatus.SKIPPED
            decision.save(update_fields=["status", "finished_at"])
            audit_record(
                actor=decision.approved_by, municipality=decision.municipality,
                action=AuditAction.UPDATE, obj=decision,
                trail=case.trail if case else None, changed_fields=["status"],
                summary=f"Case {decision.case_reference} not anonymised: it changed after the "
                        "approval",
            )
            return False
        erased: dict[str, int] = {}
        for app, anonymiser in anonymisers().items():
            for kind, count in anonymiser(decision.case_id).items():
                if count:
                    erased[f"{app}.{kind}"] = count
        decision.status = DecisionStatus.DONE
        decision.erased = erased
        decision.save(update_fields=["status", "finished_at", "erased"])
        # One event per case, by the approving manager: the approval is what authorises it.
        audit_record(
            actor=decision.approved_by, municipality=decision.municipality,
            action=AuditAction.DELETE, obj=decision, trail=case.trail,
            changed_fields=erased.keys(),
            summary=f"Case {decision.case_reference} anonymised after its retention period: "
                    + ", ".join(f"{kind} {count}" for kind, count in erased.items()),
        )
    return True


def decisions_awaiting_anonymisation(
    *, before: datetime.datetime, after_pk: int, limit: int
) -> list[int]:
    """Approved decisions not yet carried out (lost enqueue, worker died), by primary key."""
    return list(
        RetentionDecision.objects.filter(status=DecisionStatus.APPROVED, approved_at__lt=before,
                                         pk__gt=after_pk)
        .order_by("pk").values_list("pk", flat=True)[:limit]
    )
