"""Administrators keep the national rules and kinds; employment records are read only there
and show no persons' names."""

import pytest
from django.urls import reverse

from employment.models import EmploymentRuleSet, MeasureType
from tests.employment.factories import DanishEducationFactory, MeasureFactory
from tests.factories import PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, municipality):
    client.force_login(UserFactory(municipality=municipality, is_staff=True, is_superuser=True))
    return client


def test_the_national_rules_are_read_only_once_made(admin_client):
    national = EmploymentRuleSet.objects.national().get()

    page = admin_client.get(reverse("admin:employment_employmentruleset_change",
                                    args=[national.pk]))
    posted = admin_client.post(reverse("admin:employment_employmentruleset_change",
                                       args=[national.pk]), {"igu_max_age": "60"})

    assert page.status_code == 200
    assert posted.status_code == 403
    national.refresh_from_db()
    assert national.igu_max_age == 49


def test_a_national_kind_is_renamed_but_keeps_its_code(admin_client):
    igu = MeasureType.objects.get(municipality=None, code="igu")

    response = admin_client.post(
        reverse("admin:employment_measuretype_change", args=[igu.pk]),
        {"name": "IGU-forløb", "name_en": "IGU course", "category": "igu", "code": "other",
         "is_active": "on", "position": "0"})

    assert response.status_code == 302
    igu.refresh_from_db()
    assert (igu.name, igu.code) == ("IGU-forløb", "igu")


def test_measures_and_danish_education_are_listed_without_names(admin_client, municipality):
    person = PersonFactory(household__municipality=municipality, first_name="Yonas",
                           last_name="Tekle")
    MeasureFactory(person=person)
    DanishEducationFactory(person=person)

    for model in ("measure", "danisheducation"):
        response = admin_client.get(reverse(f"admin:employment_{model}_changelist"))
        assert response.status_code == 200
        assert "Tekle" not in response.content.decode()
