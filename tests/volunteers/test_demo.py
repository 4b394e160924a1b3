"""The demo has volunteering to show in every municipality: every state a user can meet."""

import pytest
from django.core.management import call_command

from integration_portal.accounts.models import Municipality
from volunteers.models import (
    CooperationAgreement,
    Event,
    EventSignup,
    Task,
    VolunteerInvitation,
    VolunteerProfile,
    VolunteerStatus,
)
from volunteers.selectors import task_board

pytestmark = pytest.mark.django_db


def test_demo_volunteering_covers_every_state(settings):
    settings.DEBUG = True

    call_command("seed_demo")

    for municipality in Municipality.objects.all():
        assert CooperationAgreement.objects.in_municipality(municipality).filter(
            signed_on__isnull=False).exists()
        statuses = set(VolunteerProfile.objects.in_municipality(municipality)
                       .values_list("status", flat=True))
        assert statuses == set(VolunteerStatus.values)
        tasks = Task.objects.in_municipality(municipality)
        assert set(tasks.values_list("status", flat=True)) >= {"open", "claimed", "done"}
        assert Event.objects.in_municipality(municipality).filter(
            repeats_weekly_until__isnull=False).exists()
        assert EventSignup.objects.in_municipality(municipality).exists()
        assert VolunteerInvitation.objects.in_municipality(municipality).pending().exists()
    # The demo volunteer can log in and finds tasks to take.
    profile = VolunteerProfile.objects.get(user__email="volunteer@lejre.example")
    assert profile.status == VolunteerStatus.ACTIVE
    assert task_board(volunteer=profile.user).exists()


def test_demo_volunteering_is_seeded_once(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (Task.objects.count(), VolunteerProfile.objects.count(), Event.objects.count())

    call_command("seed_demo")

    assert (Task.objects.count(), VolunteerProfile.objects.count(),
            Event.objects.count()) == counts
