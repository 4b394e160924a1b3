"""Every case URL answers 404 to another municipality's users and to volunteers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reception import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_urls(household, caseworker, adult_data):
    person = services.person_add(household=household, actor=caseworker, **adult_data)
    document = services.document_upload(
        household=household, actor=caseworker, document_type="other",
        uploaded_file=SimpleUploadedFile("afgoerelse.pdf", b"%PDF-1.4 test", "application/pdf"),
    )
    milestone = household.milestones.first()
    pk = household.pk
    get_urls = [
        reverse("reception:case_detail", args=[pk]),
        reverse("reception:person_add", args=[pk]),
        reverse("reception:person_detail", args=[pk, person.pk]),
        reverse("reception:person_edit", args=[pk, person.pk]),
        reverse("reception:document_download", args=[pk, document.pk]),
    ]
    post_urls = [
        reverse("reception:case_arrive", args=[pk]),
        reverse("reception:case_status", args=[pk]),
        reverse("reception:case_assign", args=[pk]),
        reverse("reception:case_update", args=[pk]),
        reverse("reception:journal_add", args=[pk]),
        reverse("reception:document_upload", args=[pk]),
        reverse("reception:person_takeover", args=[pk, person.pk]),
        reverse("reception:person_cpr_reveal", args=[pk, person.pk]),
    ]
    if milestone:
        post_urls.append(reverse("reception:milestone_done", args=[pk, milestone.pk]))
    return get_urls, post_urls


def test_another_municipalitys_caseworker_gets_404_everywhere(client, case_urls,
                                                              other_caseworker):
    client.force_login(other_caseworker)
    get_urls, post_urls = case_urls

    for url in get_urls:
        assert client.get(url).status_code == 404, url
    for url in post_urls:
        assert client.post(url, {"text": "x", "status": "closed"}).status_code == 404, url


def test_a_volunteer_gets_404_everywhere(client, case_urls, volunteer, household):
    client.force_login(volunteer)
    get_urls, post_urls = case_urls
    letter_urls = [reverse("reception:letter_print_list"), reverse("reception:case_list"),
                   reverse("reception:start"), reverse("reception:case_audit")]

    for url in get_urls + letter_urls:
        assert client.get(url).status_code == 404, url
    for url in post_urls:
        assert client.post(url, {"text": "x"}).status_code == 404, url


def test_the_own_caseworker_reads_the_case(client, case_urls, caseworker):
    client.force_login(caseworker)

    for url in case_urls[0]:
        assert client.get(url).status_code == 200, url


def test_the_audit_page_is_for_managers_only(client, household, manager, caseworker,
                                             other_manager):
    url = reverse("reception:case_audit") + f"?reference={household.reference}"

    client.force_login(manager)
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["household"] == household
    assert len(response.context["events"]) >= 1

    client.force_login(other_manager)
    assert client.get(url).context["household"] is None

    client.force_login(caseworker)
    assert client.get(url).status_code == 403
