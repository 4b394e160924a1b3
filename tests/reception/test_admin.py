"""The admin shows no personal data and changes no case records."""

import pytest
from django.urls import NoReverseMatch, reverse

from reception import services
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, municipality):
    client.force_login(UserFactory(municipality=municipality, is_staff=True, is_superuser=True))
    return client


def test_persons_and_journal_notes_are_not_in_the_admin():
    for model in ("person", "journalnote", "document"):
        with pytest.raises(NoReverseMatch):
            reverse(f"admin:reception_{model}_changelist")


def test_a_case_is_shown_without_names_and_cannot_be_changed(admin_client, household,
                                                             caseworker, adult_data):
    services.person_add(household=household, actor=caseworker, **adult_data)

    page = admin_client.get(reverse("admin:reception_household_change", args=[household.pk]))
    posted = admin_client.post(reverse("admin:reception_household_change",
                                       args=[household.pk]), {"status": "closed"})

    assert page.status_code == 200
    assert "Al-Hassan" not in page.content.decode()
    assert "140385" not in page.content.decode()
    assert posted.status_code == 403
    household.refresh_from_db()
    assert household.status == "announced"


def test_the_reminder_scan_can_be_started_from_the_milestone_list(admin_client, monkeypatch):
    from reception import admin_actions
    from tests.factories import MilestoneFactory

    sent = []
    monkeypatch.setattr(admin_actions.reminder_scan_task, "delay", lambda: sent.append(True))
    milestone = MilestoneFactory()

    admin_client.post(reverse("admin:reception_milestone_changelist"),
                      {"action": "run_reminder_scan_now", "_selected_action": [milestone.pk]})

    assert sent == [True]
