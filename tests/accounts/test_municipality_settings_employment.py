"""A manager sets the job centre's e-mail address and the child-certificate renewal interval."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _settings(**overrides):
    data = {"contact_email": "kontakt@lejre.example", "milestone_warning_days": "7",
            "job_centre_email": "jobcenter@lejre.example", "boerneattest_renewal_months": "36"}
    return {**data, **overrides}


def test_the_settings_page_offers_both_fields(client, manager):
    client.force_login(manager)

    response = client.get(reverse("accounts:municipality_settings"))

    form = response.context["form"]
    assert "job_centre_email" in form.fields
    assert "boerneattest_renewal_months" in form.fields
    content = response.content.decode()
    assert 'name="job_centre_email"' in content
    assert 'name="boerneattest_renewal_months"' in content


def test_a_manager_sets_the_job_centre_address_and_the_renewal_interval(client, manager):
    # given
    client.force_login(manager)

    # when
    response = client.post(reverse("accounts:municipality_settings"), _settings())

    # then
    assert response.status_code == 302
    municipality = manager.municipality
    municipality.refresh_from_db()
    assert municipality.job_centre_email == "jobcenter@lejre.example"
    assert municipality.boerneattest_renewal_months == 36


def test_the_job_centre_address_may_be_left_empty(client, manager):
    client.force_login(manager)

    response = client.post(reverse("accounts:municipality_settings"),
                           _settings(job_centre_email=""))

    assert response.status_code == 302
    manager.municipality.refresh_from_db()
    assert manager.municipality.job_centre_email == ""


@pytest.mark.parametrize(("field", "value"), [
    ("job_centre_email", "jobcenter-at-lejre"),
    ("boerneattest_renewal_months", "0"),
    ("boerneattest_renewal_months", "121"),
])
def test_bad_input_is_refused_keeps_what_was_typed_and_saves_nothing(client, manager, field,
                                                                     value):
    client.force_login(manager)

    response = client.post(reverse("accounts:municipality_settings"),
                           _settings(**{field: value}))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert f'value="{value}"' in response.content.decode()
    manager.municipality.refresh_from_db()
    assert manager.municipality.job_centre_email == ""
    assert manager.municipality.boerneattest_renewal_months == 24
