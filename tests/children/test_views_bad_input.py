"""Bad input on the children pages: a clear message on the field, status 400, what was typed
kept, nothing saved."""

import pytest
from django.urls import reverse

from children.models import ChildPlacement, ChildrenSettings, Institution
from tests.children.conftest import ARRIVAL, DAY, TODAY

pytestmark = pytest.mark.django_db


def test_a_caseworker_registers_a_daycare_place(pages_in_english, caseworker, child, daycare):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(reverse("children:placement_create", args=[child.pk]), {
        "institution": daycare.pk, "kind": "", "status": "started",
        "requested_on": ARRIVAL.isoformat(), "starts_on": (TODAY - DAY).isoformat(),
        "note": "Kontaktpædagog: Mette"})

    assert response.status_code == 302
    assert response["Location"] == reverse("children:child", args=[child.pk])
    placement = ChildPlacement.objects.get()
    assert (placement.kind, placement.status, placement.starts_on) == (
        "daycare", "started", TODAY - DAY)
    page = pages_in_english.get(response["Location"]).content.decode()
    assert "Børnehuset Troldehøj" in page


def test_a_school_start_before_the_arrival_is_shown_on_the_field(pages_in_english, caseworker,
                                                                 child, school):
    pages_in_english.force_login(caseworker)
    before = (ARRIVAL - 3 * DAY).isoformat()

    response = pages_in_english.post(reverse("children:placement_create", args=[child.pk]), {
        "institution": school.pk, "kind": "reception_class", "status": "started",
        "requested_on": ARRIVAL.isoformat(), "starts_on": before,
        "note": "Modtageklassen på Hvalsø Skole"})

    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "cannot be before the child's arrival" in errors["starts_on"][0]
    page = response.content.decode()
    assert before in page and "Modtageklassen på Hvalsø Skole" in page
    assert "Please correct the following" in page
    assert not ChildPlacement.objects.exists()


def test_a_missing_date_is_refused(pages_in_english, caseworker, child, daycare):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(reverse("children:placement_create", args=[child.pk]), {
        "institution": daycare.pk, "status": "requested", "requested_on": "not a date"})

    assert response.status_code == 400
    assert "requested_on" in response.context["form"].errors
    assert not ChildPlacement.objects.exists()


def test_an_assessment_result_outside_the_list_is_refused(pages_in_english, caseworker, child):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(reverse("children:assessment_create", args=[child.pk]), {
        "assessed_on": TODAY.isoformat(), "result": "Rød", "note": "Talte meget"})

    assert response.status_code == 400
    assert "result" in response.context["form"].errors
    assert "Talte meget" in response.content.decode()


def test_youth_guidance_for_a_four_year_old_is_refused(pages_in_english, caseworker, child):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(reverse("children:guidance_edit", args=[child.pk]), {
        "contact_name": "Lars Holm", "status": "planned"})

    assert response.status_code == 400
    assert "aged 15 to 17" in response.context["form"].errors["first_meeting_on"][0]


def test_an_institution_without_a_name_is_refused_and_a_good_one_saved(pages_in_english,
                                                                      caseworker):
    pages_in_english.force_login(caseworker)
    url = reverse("children:institution_create")

    bad = pages_in_english.post(url, {"kind": "school", "name": "", "strategy": "Plan",
                                      "active": "on"})
    good = pages_in_english.post(url, {"kind": "school", "name": "Hvalsø Skole",
                                       "strategy": "Plan", "active": "on"})

    assert bad.status_code == 400 and "name" in bad.context["form"].errors
    assert good.status_code == 302
    assert Institution.objects.get().name == "Hvalsø Skole"


def test_the_manager_sets_the_label_and_results(pages_in_english, manager):
    pages_in_english.force_login(manager)
    url = reverse("children:settings")

    bad = pages_in_english.post(url, {"youth_guidance_label": "custom",
                                      "youth_guidance_custom_label": "",
                                      "results_text": "Grøn\nGul"})
    good = pages_in_english.post(url, {"youth_guidance_label": "uu",
                                       "youth_guidance_custom_label": "",
                                       "results_text": "Grøn\n\nGul\n"})

    assert bad.status_code == 400
    assert "youth_guidance_custom_label" in bad.context["form"].errors
    assert good.status_code == 302
    saved = ChildrenSettings.objects.get()
    assert (saved.guidance_label, saved.results) == (
        "Ungdommens Uddannelsesvejledning", ["Grøn", "Gul"])
