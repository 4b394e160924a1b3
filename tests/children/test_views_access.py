"""Who may open the children pages: staff of the municipality read, caseworkers write,
managers edit institutions and settings; another municipality's user and a volunteer get 404,
never a child's data."""

import pytest
from django.urls import reverse

from children import services
from integration_portal.audit.models import AuditEvent
from tests.children.conftest import ARRIVAL
from tests.children.factories import ChildPlacementFactory, LanguageAssessmentFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(child, daycare):
    placement = ChildPlacementFactory(person=child, institution=daycare, requested_on=ARRIVAL)
    assessment = LanguageAssessmentFactory(person=child, assessed_on=ARRIVAL)
    return {
        "children:child": [child.pk],
        "children:placement_create": [child.pk],
        "children:placement_edit": [placement.pk],
        "children:assessment_create": [child.pk],
        "children:assessment_edit": [assessment.pk],
        "children:guidance_edit": [child.pk],
        "children:institution_detail": [daycare.pk],
        "children:institution_edit": [daycare.pk],
    }


UNSCOPED = ["children:institution_list", "children:institution_create", "children:settings"]


def test_a_volunteer_is_told_no_children_page_exists(client, municipality, urls):
    client.force_login(UserFactory(municipality=municipality, volunteer=True))
    for name, args in [*urls.items(), *((name, []) for name in UNSCOPED)]:
        assert client.get(reverse(name, args=args)).status_code == 404, name
        assert client.post(reverse(name, args=args)).status_code == 404, name


def test_another_municipality_s_staff_find_nothing(client, other_caseworker, other_manager,
                                                    urls):
    for user in (other_caseworker, other_manager):
        client.force_login(user)
        for name, args in urls.items():
            answer = client.get(reverse(name, args=args)).status_code
            assert answer in (403, 404), name
            if name in ("children:child", "children:institution_detail"):
                assert answer == 404


def test_the_caseworker_opens_every_page_and_the_view_is_audited(client, caseworker, urls,
                                                                child):
    client.force_login(caseworker)
    for name, args in [*urls.items(), ("children:institution_list", []),
                       ("children:institution_create", [])]:
        assert client.get(reverse(name, args=args)).status_code == 200, name
    assert AuditEvent.objects.filter(action="view", object_type="reception.person",
                                     object_id=str(child.pk)).exists()
    assert client.get(reverse("children:settings")).status_code == 403


def test_a_manager_reads_edits_institutions_and_settings_but_not_children(client, manager,
                                                                         urls):
    client.force_login(manager)
    assert client.get(reverse("children:child", args=urls["children:child"])).status_code == 200
    assert client.get(reverse("children:settings")).status_code == 200
    assert client.get(reverse("children:institution_edit",
                              args=urls["children:institution_edit"])).status_code == 200
    assert client.get(reverse("children:placement_create",
                              args=urls["children:placement_create"])).status_code == 403


def test_an_adult_has_no_children_page(client, caseworker, household):
    client.force_login(caseworker)
    adult = household.persons.get(first_name="Rania")
    assert client.get(reverse("children:child", args=[adult.pk])).status_code == 404


def test_the_institution_list_shows_which_have_a_strategy(pages_in_english, caseworker,
                                                         municipality, daycare, school):
    services.institution_update(institution=school, actor=caseworker,
                                strategy="Velkomstmøde med tolk for nye familier.")
    pages_in_english.force_login(caseworker)

    page = pages_in_english.get(reverse("children:institution_list")).content.decode()
    only_with = pages_in_english.get(reverse("children:institution_list"),
                                     {"strategy": "yes"}).content.decode()
    schools = pages_in_english.get(reverse("children:institution_list"),
                                   {"kind": "school"}).content.decode()

    assert "Has a strategy" in page and "No strategy" in page
    assert "Hvalsø Skole" in only_with and "Børnehuset Troldehøj" not in only_with
    assert "Hvalsø Skole" in schools and "Børnehuset Troldehøj" not in schools
