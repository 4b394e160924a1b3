"""Deadlines on a case: computed from the rules in force, ticked off by caseworkers."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.rules.registry import get_milestone_kind


class MilestoneQuerySet(MunicipalityQuerySet):
    municipality_path = "household__municipality"

    def open(self) -> MilestoneQuerySet:
        return self.filter(done_on__isnull=True)

    def overdue(self, *, today: date) -> MilestoneQuerySet:
        return self.open().filter(due_date__lt=today)

    def due_between(self, *, start: date, end: date) -> MilestoneQuerySet:
        return self.open().filter(due_date__gte=start, due_date__lte=end)

    def for_caseworker(self, user) -> MilestoneQuerySet:
        return self.filter(household__caseworker=user)


class Milestone(models.Model):
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("household"), on_delete=models.CASCADE,
        related_name="milestones",
    )
    person = models.ForeignKey(
        "reception.Person", verbose_name=_("person"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="milestones",
    )
    kind = models.CharField(_("milestone"), max_length=50)
    due_date = models.DateField(_("due"))
    anchor_date = models.DateField(_("counted from"), null=True, blank=True)
    rule = models.ForeignKey(
        "rules.Rule", verbose_name=_("rule"), on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )
    # A snapshot of why it is due, kept even if the rule is later edited or removed.
    basis = models.CharField(_("basis"), max_length=300, blank=True)
    is_local = models.BooleanField(_("local target"), default=False)
    done_on = models.DateField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("done by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MilestoneQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "kind"], condition=Q(person__isnull=False),
                name="milestone_one_per_person_and_kind",
            ),
            models.UniqueConstraint(
                fields=["household", "kind"], condition=Q(person__isnull=True),
                name="milestone_one_per_household_and_kind",
            ),
        ]
        indexes = [
            models.Index(fields=["due_date"], condition=Q(done_on__isnull=True),
                         name="milestone_open_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.kind_label} {self.due_date}"

    @property
    def kind_label(self) -> str:
        try:
            return str(get_milestone_kind(self.kind).label)
        except LookupError:
            return self.kind

    @property
    def is_done(self) -> bool:
        return self.done_on is not None
