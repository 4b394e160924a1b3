"""Reads of Danish education, scoped to the viewer's municipality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from employment.models import DanishEducation

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person


def person_danish(*, viewer: User, person: Person) -> list[DanishEducation]:
    """The person's Danish education, newest first, with its passed tests prefetched;
    [] for a viewer of another municipality."""
    return list(DanishEducation.objects.visible_to(viewer).filter(person=person)
                .prefetch_related("tests").order_by("-referred_on", "-pk"))


def danish_list(*, viewer: User, track: str = "", status: str = "",
                provider: str = "") -> QuerySet[DanishEducation]:
    """The municipality's Danish education, newest referral first, filtered by what is given."""
    educations = (DanishEducation.objects.visible_to(viewer)
                  .select_related("person__household").order_by("-referred_on", "-pk"))
    if track:
        educations = educations.filter(track=track)
    if status:
        educations = educations.filter(status=status)
    if provider:
        educations = educations.filter(provider=provider)
    return educations


def danish_providers(*, viewer: User) -> list[str]:
    """The language centres already used in the viewer's municipality, by name."""
    return list(DanishEducation.objects.visible_to(viewer).order_by("provider")
                .values_list("provider", flat=True).distinct())
