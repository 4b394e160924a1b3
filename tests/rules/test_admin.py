"""Administrators maintain rule sets, with their rules inline, in Django admin."""

import pytest
from django.urls import reverse

from integration_portal.rules.kinds import PROGRAMME_START
from integration_portal.rules.models import RuleSet
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, municipality):
    client.force_login(
        UserFactory(municipality=municipality, is_staff=True, is_superuser=True)
    )
    return client


def test_the_rule_set_list_shows_the_national_default_and_filters(admin_client):
    # when
    response = admin_client.get(reverse("admin:rules_ruleset_changelist"),
                                {"municipality__isnull": "True"})

    # then
    assert response.status_code == 200
    assert "Statutory deadlines (national default)" in response.content.decode()


def test_the_rule_list_filters_by_kind(admin_client):
    response = admin_client.get(reverse("admin:rules_rule_changelist"),
                                {"milestone_kind": PROGRAMME_START, "is_local__exact": "0"})

    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_an_administrator_adds_a_local_rule_set_with_a_rule(admin_client, municipality):
    # given
    data = {
        "municipality": municipality.pk, "name": "Lokale mål", "effective_from": "2025-09-01",
        "note": "",
        "rules-TOTAL_FORMS": "1", "rules-INITIAL_FORMS": "0",
        "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000",
        "rules-0-milestone_kind": PROGRAMME_START, "rules-0-anchor": "arrival",
        "rules-0-offset_amount": "4", "rules-0-offset_unit": "weeks",
        "rules-0-applies_to_residence_bases": "[]", "rules-0-is_local": "on",
        "rules-0-legal_basis": "Samarbejdsaftale", "rules-0-confidence": "V",
    }

    # when
    response = admin_client.post(reverse("admin:rules_ruleset_add"), data)

    # then
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    rule_set = RuleSet.objects.in_municipality(municipality).get()
    assert rule_set.rules.get().is_local


def test_the_admin_refuses_a_local_rule_in_the_national_default(admin_client):
    # given a new national set with a local target
    data = {
        "municipality": "", "name": "2026", "effective_from": "2026-01-20", "note": "",
        "rules-TOTAL_FORMS": "1", "rules-INITIAL_FORMS": "0",
        "rules-MIN_NUM_FORMS": "0", "rules-MAX_NUM_FORMS": "1000",
        "rules-0-milestone_kind": PROGRAMME_START, "rules-0-anchor": "arrival",
        "rules-0-offset_amount": "4", "rules-0-offset_unit": "weeks",
        "rules-0-applies_to_residence_bases": "[]", "rules-0-is_local": "on",
        "rules-0-legal_basis": "Samarbejdsaftale", "rules-0-confidence": "V",
    }

    # when
    response = admin_client.post(reverse("admin:rules_ruleset_add"), data)

    # then the form is shown again and nothing is saved
    assert response.status_code == 200
    assert not RuleSet.objects.filter(effective_from="2026-01-20").exists()


def test_a_caseworker_cannot_open_the_rules_admin(client, caseworker):
    client.force_login(caseworker)

    response = client.get(reverse("admin:rules_ruleset_changelist"))

    assert response.status_code == 302  # to the admin login
