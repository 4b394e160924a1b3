"""A plan against the employment rules is a warning, not a stop: the form comes back with
everything typed and a reason to give per warning; with the reasons the plan is saved and
the reasons kept with the rules; a changed plan is checked again."""

from datetime import date

import pytest
from django.urls import reverse

from employment.models import Measure, RuleAcknowledgement
from integration_portal.audit.models import AuditEvent
from tests.employment.factories import measure_type
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

AGE_WARNING = "The person is 52 at the start; IGU is for persons under 50."
HOURS_WARNING = "The internship part of an IGU is at least 25 hours a week on average."


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def person_born(municipality, birth_date):
    household = HouseholdFactory(municipality=municipality)
    return PersonFactory(household=household, birth_date=birth_date,
                         residence_basis="asylum_refugee")


@pytest.fixture
def aged_52(municipality):
    # 52 on the planned start, 1 September 2026
    return person_born(municipality, date(1974, 3, 1))


@pytest.fixture
def aged_30(municipality):
    return person_born(municipality, date(1996, 3, 1))


def igu_data(**overrides):
    data = {"measure_type": measure_type("igu").pk, "employer": "",
            "employer_name": "Lejre Maskinstation", "opening": "", "starts_on": "2026-09-01",
            "ends_on": "", "hours_per_week": "30", "notes": "Landbrugsmaskiner."}
    return {**data, **overrides}


def post_igu(client, person, **overrides):
    return client.post(reverse("employment:measure_plan", args=[person.pk]),
                       igu_data(**overrides))


def test_an_igu_for_a_52_year_old_warns_and_saves_nothing(client, caseworker, aged_52):
    client.force_login(caseworker)

    response = post_igu(client, aged_52)

    # then the form is back, with everything typed and the warning with a reason to give
    assert response.status_code == 200
    form = response.context["form"]
    assert not form.errors
    assert [field.name for field in form.warning_fields] == ["ack_igu_max_age"]
    content = response.content.decode()
    assert 'class="alert alert-warning" role="region" aria-labelledby="rule-warnings-heading"' \
        in content
    assert "The plan goes against 1 rule" in content
    assert AGE_WARNING in content
    assert 'name="ack_igu_max_age"' in content
    assert 'name="warnings_shown" value="igu_max_age"' in content
    assert "Plan despite the warnings" in content
    assert "<title>Warning:" in content
    assert 'value="Lejre Maskinstation"' in content and "Landbrugsmaskiner." in content
    assert not Measure.objects.exists()
    assert not RuleAcknowledgement.objects.exists()


def test_going_past_a_shown_warning_without_a_reason_is_refused(client, caseworker, aged_52):
    client.force_login(caseworker)

    response = post_igu(client, aged_52, warnings_shown="igu_max_age", ack_igu_max_age="  ")

    assert response.context["form"].errors == {
        "ack_igu_max_age": ["Give a reason for going past this warning."]}
    assert "<title>Error:" in response.content.decode()
    assert not Measure.objects.exists()


def test_with_a_reason_the_igu_is_saved_and_the_reason_kept(client, caseworker, aged_52):
    client.force_login(caseworker)
    reason = "Jobcentret har fået dispensation; arbejdsgiveren har ansat før."

    # when the caseworker gives a reason for the warning shown
    response = post_igu(client, aged_52, warnings_shown="igu_max_age", ack_igu_max_age=reason)

    # then
    measure = Measure.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("employment:measure_detail", args=[measure.pk])
    assert measure.ends_on == date(2028, 8, 31)  # 24 months
    acknowledgement = RuleAcknowledgement.objects.get()
    assert (acknowledgement.measure, acknowledgement.code, acknowledgement.message) == (
        measure, "igu_max_age", AGE_WARNING)
    assert acknowledgement.reason == reason
    assert acknowledgement.rule_set == measure.rule_set is not None
    assert acknowledgement.acknowledged_by == caseworker
    assert AuditEvent.objects.get(object_type="employment.measure", action="create").summary \
        == "Measure planned past rule warnings: igu_max_age"
    # and the measure's page shows the warning, the reason and who gave it
    content = client.get(response["Location"]).content.decode()
    assert AGE_WARNING in content and reason in content
    assert caseworker.full_name in content
    assert "Checked against the national rules" in content


def test_a_30_year_old_gets_no_warning(client, caseworker, aged_30):
    client.force_login(caseworker)

    response = post_igu(client, aged_30)

    assert response.status_code == 302
    assert Measure.objects.get().person == aged_30
    assert not RuleAcknowledgement.objects.exists()


def test_a_changed_plan_is_checked_again_and_a_warning_gone_needs_no_reason(
    client, caseworker, aged_30
):
    client.force_login(caseworker)

    # given 20 hours a week warns
    first = post_igu(client, aged_30, hours_per_week="20")
    assert [field.name for field in first.context["form"].warning_fields] == ["ack_igu_hours"]
    assert HOURS_WARNING in first.content.decode()

    # when the hours are changed to 30, without a reason
    response = post_igu(client, aged_30, hours_per_week="30", warnings_shown="igu_hours",
                        ack_igu_hours="")

    # then
    assert response.status_code == 302
    assert Measure.objects.get().hours_per_week == 30
    assert not RuleAcknowledgement.objects.exists()


def test_reasons_typed_are_kept_and_a_new_warning_is_only_shown(client, caseworker, aged_52):
    client.force_login(caseworker)

    # given the age warning was shown and has a reason; now the hours go down to 20
    response = post_igu(client, aged_52, hours_per_week="20", warnings_shown="igu_max_age",
                        ack_igu_max_age="Dispensation fra jobcentret.")

    # then both warnings are shown, the typed reason kept, and the new one is no error yet
    form = response.context["form"]
    assert [field.name for field in form.warning_fields] == ["ack_igu_max_age",
                                                             "ack_igu_hours"]
    assert not form.errors
    content = response.content.decode()
    assert "Dispensation fra jobcentret." in content
    assert "The plan goes against 2 rules" in content
    assert not Measure.objects.exists()

    # when both have a reason
    response = post_igu(client, aged_52, hours_per_week="20",
                        warnings_shown="igu_max_age igu_hours",
                        ack_igu_max_age="Dispensation fra jobcentret.",
                        ack_igu_hours="Skoleugerne ligger tæt i starten.")

    # then
    assert response.status_code == 302
    assert set(RuleAcknowledgement.objects.values_list("code", flat=True)) == {
        "igu_max_age", "igu_hours"}


def test_a_change_against_the_rules_warns_too(client, caseworker, aged_30):
    # given an IGU planned within the rules
    client.force_login(caseworker)
    post_igu(client, aged_30)
    measure = Measure.objects.get()

    # when its end is moved a month early
    url = reverse("employment:measure_edit", args=[measure.pk])
    response = client.post(url, igu_data(ends_on="2028-07-31"))

    # then
    assert [field.name for field in response.context["form"].warning_fields] == [
        "ack_igu_length"]
    assert "Save despite the warnings" in response.content.decode()
    measure.refresh_from_db()
    assert measure.ends_on == date(2028, 8, 31)

    # and with a reason it is saved
    response = client.post(url, igu_data(ends_on="2028-07-31", warnings_shown="igu_length",
                                         ack_igu_length="Arbejdsgiveren lukker i august."))
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.ends_on == date(2028, 7, 31)
    assert measure.acknowledgements.get().code == "igu_length"


def test_a_change_does_not_ask_again_for_a_reason_already_given(client, caseworker, aged_52):
    # given an IGU planned past the age warning, with a reason
    client.force_login(caseworker)
    post_igu(client, aged_52, warnings_shown="igu_max_age", ack_igu_max_age="Dispensation.")
    measure = Measure.objects.get()

    # when only its notes change
    response = client.post(reverse("employment:measure_edit", args=[measure.pk]),
                           igu_data(ends_on="2028-08-31", notes="Ny kontaktperson."))

    # then it is saved, and the reason is neither asked for nor recorded again
    assert response.status_code == 302
    measure.refresh_from_db()
    assert measure.notes == "Ny kontaktperson."
    assert measure.acknowledgements.get().reason == "Dispensation."


def test_a_warning_for_the_wrong_person_is_corrected_by_choosing_the_right_one(
        client, caseworker, municipality):
    # given a case with a father of 52 and his son of 30
    household = HouseholdFactory(municipality=municipality)
    father = PersonFactory(household=household, birth_date=date(1974, 3, 1))
    son = PersonFactory(household=household, relation="child", birth_date=date(1996, 3, 1))
    client.force_login(caseworker)
    first = post_igu(client, father)
    assert [field.name for field in first.context["form"].warning_fields] == ["ack_igu_max_age"]

    # when the caseworker picks the son in the same form, giving no reason
    response = client.post(reverse("employment:measure_plan", args=[father.pk]),
                           igu_data(person=son.pk, warnings_shown="igu_max_age"))

    # then the IGU is planned for the son without a warning gone past
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert measure.person == son
    assert not RuleAcknowledgement.objects.exists()


def test_the_form_offers_only_the_members_of_the_case(client, caseworker, aged_52,
                                                      municipality):
    stranger = person_born(municipality, date(1990, 1, 1))
    client.force_login(caseworker)

    response = client.post(reverse("employment:measure_plan", args=[aged_52.pk]),
                           igu_data(person=stranger.pk))

    assert "person" in response.context["form"].errors
    assert not Measure.objects.exists()
