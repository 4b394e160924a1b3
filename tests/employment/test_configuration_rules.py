"""The employment rules as configuration: a manager makes a new version of the municipality's
own from a date, starting from the values in force; no version is ever changed, a date taken
is refused, and everyone who works on cases can read every version."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from employment.models import EmploymentRuleSet
from employment.services.configuration import employment_rules_create
from integration_portal.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

SEEDED = date(2024, 7, 1)  # the national rules seeded by employment's migration 0003


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def seeded() -> EmploymentRuleSet:
    return EmploymentRuleSet.objects.get(municipality=None, effective_from=SEEDED)


def form_data(**overrides) -> dict:
    """The form as the page fills it from the seeded national rules."""
    data = {
        "effective_from": "2026-09-01", "igu_min_age": "18", "igu_max_age": "49",
        "igu_max_years_registered": "20",
        "igu_residence_bases": ["asylum_refugee", "quota_refugee", "family_reunified",
                                "ukrainian_special_act"],
        "igu_last_start_on": "2027-12-31", "igu_months": "24", "igu_school_weeks": "23",
        "igu_min_hours_per_week": "25.0", "igu_extension_min_weeks": "8",
        "igu_bonus_dkk": "20000", "wage_subsidy_private_max_months": "6",
        "wage_subsidy_public_max_months": "4", "internship_weeks": "13",
        "internship_extension_weeks": "13", "special_upskilling_max_months": "3",
        "max_hours_per_week": "37.0", "legal_basis": "L 82 2023-24", "note": "",
    }
    return {**data, **overrides}


# --- The service -----------------------------------------------------------------------------


def test_a_new_version_copies_the_values_in_force_and_changes_the_given_ones(
        manager, municipality):
    # when
    rules = employment_rules_create(municipality=municipality, actor=manager,
                                    effective_from=date(2026, 9, 1),
                                    wage_subsidy_private_max_months=9,
                                    note=" Byrådet 12. august 2026 ")

    # then
    national = seeded()
    assert (rules.municipality, rules.effective_from, rules.created_by) == (
        municipality, date(2026, 9, 1), manager)
    assert rules.wage_subsidy_private_max_months == 9
    assert (rules.igu_max_age, rules.igu_last_start_on, rules.legal_basis,
            rules.igu_residence_bases) == (national.igu_max_age, national.igu_last_start_on,
                                           national.legal_basis, national.igu_residence_bases)
    assert rules.note == "Byrådet 12. august 2026"
    # the national rules are untouched
    assert national.wage_subsidy_private_max_months == 6


def test_the_values_are_copied_from_the_version_in_force_on_the_new_date(manager, municipality):
    # given: the municipality's own version with an 18-month IGU
    employment_rules_create(municipality=municipality, actor=manager,
                            effective_from=date(2025, 1, 1), igu_months=18, note="Forsøg")

    # when: a newer version changes something else
    newer = employment_rules_create(municipality=municipality, actor=manager,
                                    effective_from=date(2026, 1, 1), internship_weeks=8)

    # then: it keeps the 18 months, but not the note
    assert (newer.igu_months, newer.internship_weeks, newer.note) == (18, 8, "")


def test_a_second_version_from_the_same_date_is_refused(manager, municipality):
    # given
    first = employment_rules_create(municipality=municipality, actor=manager,
                                    effective_from=date(2026, 9, 1), igu_months=18)

    # when
    with pytest.raises(ValidationError) as refused:
        employment_rules_create(municipality=municipality, actor=manager,
                                effective_from=date(2026, 9, 1), igu_months=12)

    # then: the first is as it was
    assert refused.value.message_dict == {"effective_from": [
        "Your municipality already has rules in force from 09/01/2026. A version is never "
        "changed once made: choose another date for the new one."]}
    first.refresh_from_db()
    assert first.igu_months == 18
    assert EmploymentRuleSet.objects.filter(municipality=municipality).count() == 1


def test_the_same_date_as_a_national_version_is_allowed(manager, municipality):
    rules = employment_rules_create(municipality=municipality, actor=manager,
                                    effective_from=SEEDED)

    assert rules.pk and rules.municipality == municipality


@pytest.mark.parametrize(("values", "field"), [
    ({"igu_min_age": 0}, "igu_min_age"),
    ({"igu_months": 100}, "igu_months"),
    ({"max_hours_per_week": Decimal("61")}, "max_hours_per_week"),
    ({"igu_residence_bases": ["asylum_refugee", "tourist"]}, "igu_residence_bases"),
])
def test_values_out_of_bounds_are_refused(manager, municipality, values, field):
    with pytest.raises(ValidationError) as refused:
        employment_rules_create(municipality=municipality, actor=manager,
                                effective_from=date(2026, 9, 1), **values)

    assert field in refused.value.message_dict
    assert not EmploymentRuleSet.objects.filter(municipality=municipality).exists()


def test_a_youngest_age_above_the_oldest_is_refused(manager, municipality):
    with pytest.raises(ValidationError) as refused:
        employment_rules_create(municipality=municipality, actor=manager,
                                effective_from=date(2026, 9, 1), igu_min_age=30, igu_max_age=25)

    assert refused.value.messages == ["The youngest IGU age is above the oldest."]


def test_a_new_version_is_audited_with_what_changed(manager, municipality):
    rules = employment_rules_create(municipality=municipality, actor=manager,
                                    effective_from=date(2026, 9, 1), igu_months=18,
                                    internship_weeks=13)

    event = AuditEvent.objects.get(object_type="employment.employmentruleset")
    assert (event.action, event.object_id, event.actor, event.municipality) == (
        "create", str(rules.pk), manager, municipality)
    assert event.changed_fields == ["igu_months"]
    assert event.summary.startswith("Employment rules in force from 2026-09-01 created")


@pytest.mark.parametrize("who", ["caseworker", "other_manager"])
def test_only_the_municipalitys_managers_make_rules(request, municipality, who):
    actor = request.getfixturevalue(who)

    with pytest.raises(PermissionError):
        employment_rules_create(municipality=municipality, actor=actor,
                                effective_from=date(2026, 9, 1))

    assert not EmploymentRuleSet.objects.filter(municipality=municipality).exists()


# --- The pages -------------------------------------------------------------------------------


def test_the_rules_page_shows_the_version_in_force_and_every_version(
        client, caseworker, manager, municipality, other_municipality,
        django_assert_max_num_queries):
    # given: an own version in force, a future national one and another municipality's
    today = timezone.localdate()
    ours = employment_rules_create(municipality=municipality, actor=manager,
                                   effective_from=date(2025, 1, 1), igu_months=18,
                                   note="Lokal forsøgsordning")
    future = EmploymentRuleSet.objects.create(municipality=None,
                                              effective_from=today.replace(year=today.year + 1))
    EmploymentRuleSet.objects.create(municipality=other_municipality,
                                     effective_from=date(2025, 6, 1), note="Vejens regler")
    client.force_login(caseworker)

    # when
    with django_assert_max_num_queries(6):
        response = client.get(reverse("employment:rules"))

    # then
    assert response.status_code == 200
    assert response.context["in_force"] == ours
    assert response.context["versions"] == [future, ours, seeded()]
    content = response.content.decode()
    assert "Your municipality's own rules, in force from" in content
    assert "Lokal forsøgsordning" in content
    assert "Vejens regler" not in content
    assert content.count('<span class="badge badge-success">In force</span>') == 2
    assert "may go ahead by giving a reason for each warning" in content
    assert '<time datetime="2027-12-31">12/31/2027</time>' in content
    assert "Refugee (asylum), Quota refugee (UDL § 8)" in content
    assert manager.full_name in content
    assert reverse("employment:rules_new") not in content


def test_a_manager_is_offered_a_new_version(client, manager):
    client.force_login(manager)

    content = client.get(reverse("employment:rules")).content.decode()

    assert reverse("employment:rules_new") in content


def test_the_new_version_form_is_filled_with_the_values_in_force(client, manager):
    client.force_login(manager)

    response = client.get(reverse("employment:rules_new"))

    assert response.status_code == 200
    form = response.context["form"]
    national = seeded()
    assert form["igu_max_age"].value() == 49
    assert form["igu_residence_bases"].value() == national.igu_residence_bases
    assert form["effective_from"].value() is None
    content = response.content.decode()
    assert 'name="igu_residence_bases" value="asylum_refugee"' in content
    assert 'value="other_immigrant"' in content


def test_a_manager_saves_a_new_version(client, manager, municipality):
    client.force_login(manager)

    response = client.post(reverse("employment:rules_new"), form_data(
        igu_months="18", igu_residence_bases=["asylum_refugee", "quota_refugee"],
        igu_min_hours_per_week="22.5", note="Byrådets beslutning"))

    assert response.status_code == 302
    assert response.url == reverse("employment:rules")
    rules = EmploymentRuleSet.objects.get(municipality=municipality)
    assert (rules.effective_from, rules.igu_months, rules.igu_residence_bases,
            rules.igu_min_hours_per_week, rules.note, rules.created_by) == (
        date(2026, 9, 1), 18, ["asylum_refugee", "quota_refugee"], Decimal("22.5"),
        "Byrådets beslutning", manager)


def test_hours_are_typed_with_a_danish_decimal_comma(client, manager, municipality):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "da"
    client.force_login(manager)

    client.post(reverse("employment:rules_new"),
                form_data(igu_min_hours_per_week="22,5", max_hours_per_week="37,0"))

    rules = EmploymentRuleSet.objects.get(municipality=municipality)
    assert rules.igu_min_hours_per_week == Decimal("22.5")


def test_a_date_taken_is_refused_on_the_form_keeping_what_was_typed(client, manager,
                                                                     municipality):
    # given
    employment_rules_create(municipality=municipality, actor=manager,
                            effective_from=date(2026, 9, 1))
    client.force_login(manager)

    # when
    response = client.post(reverse("employment:rules_new"),
                           form_data(igu_months="12", note="Ny udgave"))

    # then
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["effective_from"][0].startswith(
        "Your municipality already has rules in force from 09/01/2026.")
    assert (form["igu_months"].value(), form["note"].value()) == ("12", "Ny udgave")
    assert EmploymentRuleSet.objects.filter(municipality=municipality).count() == 1
    assert "Please correct the following" in response.content.decode()


def test_ages_in_the_wrong_order_are_shown_on_the_form(client, manager, municipality):
    client.force_login(manager)

    response = client.post(reverse("employment:rules_new"),
                           form_data(igu_min_age="30", igu_max_age="25"))

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The youngest IGU age is above the oldest."]
    assert not EmploymentRuleSet.objects.filter(municipality=municipality).exists()


def test_a_missing_date_is_refused_by_the_form(client, manager, municipality):
    client.force_login(manager)

    response = client.post(reverse("employment:rules_new"), form_data(effective_from=""))

    assert "effective_from" in response.context["form"].errors
    assert not EmploymentRuleSet.objects.filter(municipality=municipality).exists()
