"""The community pages: access, bad input re-rendered with what was typed, the case section."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from community import services
from community.models import Association, Consent, Referral
from integration_portal.audit.models import AuditEvent
from tests.community.factories import AssociationFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def consent(parent, caseworker):
    return services.consent_record(person=parent, actor=caseworker,
                                   items=["first_name", "phone", "languages"], given_on=TODAY,
                                   recorded_how="signed_form")


@pytest.fixture
def referral(consent, parent, club, caseworker):
    return services.referral_create(person=parent, association=club, actor=caseworker)


def _urls(household, club, consent, referral):
    return [
        reverse("community:start"),
        reverse("community:association_list"),
        reverse("community:association_create"),
        reverse("community:association_detail", args=[club.pk]),
        reverse("community:association_edit", args=[club.pk]),
        reverse("community:consent_create", args=[household.pk]),
        reverse("community:consent_withdraw", args=[household.pk, consent.pk]),
        reverse("community:referral_create", args=[household.pk]),
        reverse("community:referral_detail", args=[referral.pk]),
        reverse("community:referral_follow_up", args=[referral.pk]),
        reverse("community:follow_up_list"),
    ]


def test_a_caseworker_opens_every_page(client, caseworker, household, club, consent, referral):
    client.force_login(caseworker)
    for url in _urls(household, club, consent, referral):
        assert client.get(url, HTTP_ACCEPT_LANGUAGE="en").status_code == 200, url


def test_a_volunteer_finds_no_page(client, municipality, household, club, consent, referral):
    client.force_login(UserFactory(municipality=municipality, volunteer=True))
    for url in _urls(household, club, consent, referral):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url


def test_another_municipality_finds_none_of_the_records(client, other_municipality, household,
                                                        club, consent, referral):
    client.force_login(UserFactory(municipality=other_municipality, caseworker=True))
    for url in _urls(household, club, consent, referral)[3:]:
        if url.endswith("/follow-up/") and "referrals/follow-up" in url:
            continue
        assert client.get(url).status_code == 404, url
    # and the lists show nothing of A's
    response = client.get(reverse("community:association_list"))
    assert "Hvalsø IF" not in response.content.decode()


def test_a_manager_reads_but_does_not_write(client, municipality, household, club, referral):
    client.force_login(UserFactory(municipality=municipality, manager=True))
    assert client.get(reverse("community:association_list")).status_code == 200
    assert client.get(reverse("community:referral_create", args=[household.pk])).status_code \
        == 403


def test_a_referral_without_consent_is_shown_again_with_the_message(client, caseworker,
                                                                     household, parent, club):
    client.force_login(caseworker)

    # when
    response = client.post(reverse("community:referral_create", args=[household.pk]), {
        "person": parent.pk, "association": club.pk, "interests": "Fodbold om tirsdagen",
    }, HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 400
    text = response.content.decode()
    assert "has no consent in force" in text
    assert "Fodbold om tirsdagen" in text
    assert not Referral.objects.exists()


def test_a_caseworker_records_a_consent_and_refers(client, caseworker, household, parent, club,
                                                   mailoutbox):
    client.force_login(caseworker)

    # when
    response = client.post(reverse("community:consent_create", args=[household.pk]), {
        "person": parent.pk, "items": ["first_name", "phone"], "given_on": TODAY.isoformat(),
        "recorded_how": "signed_form", "given_by": "",
    })
    assert response.status_code == 302, response.content.decode()
    response = client.post(reverse("community:referral_create", args=[household.pk]), {
        "person": parent.pk, "association": club.pk,
    })

    # then
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.shared_data == {"child": False, "first_name": "Amina",
                                    "phone": "20 11 22 33"}


def test_a_childs_consent_with_too_much_is_shown_again(client, caseworker, household, child,
                                                       parent):
    client.force_login(caseworker)
    response = client.post(reverse("community:consent_create", args=[household.pk]), {
        "person": child.pk, "items": ["first_name", "age_group"], "given_on": TODAY.isoformat(),
        "recorded_how": "signed_form", "given_by": parent.pk, "guardian_relationship": "Mor",
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    text = response.content.decode()
    assert "only an age group and languages" in text
    assert 'value="Mor"' in text
    assert not Consent.objects.exists()


def test_bad_association_input_keeps_the_values(client, caseworker):
    client.force_login(caseworker)
    response = client.post(reverse("community:association_create"), {
        "kind": "sports", "name": "", "area": "Osted", "email": "not-an-address",
    }, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert 'value="Osted"' in response.content.decode()
    assert not Association.objects.exists()


def test_a_duplicate_name_is_refused_on_the_form(client, caseworker, club):
    client.force_login(caseworker)
    response = client.post(reverse("community:association_create"), {
        "kind": "sports", "name": "Hvalsø IF"}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "already exists" in response.content.decode()


def test_following_up_needs_a_next_date_while_open(client, caseworker, referral):
    client.force_login(caseworker)
    url = reverse("community:referral_follow_up", args=[referral.pk])
    response = client.post(url, {"status": "contacted", "outcome_note": "Ringet"},
                           HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "Ringet" in response.content.decode()
    response = client.post(url, {"status": "started", "outcome_note": "Træner"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "started"


def test_withdrawing_on_the_page(client, caseworker, household, consent, referral):
    client.force_login(caseworker)
    response = client.post(
        reverse("community:consent_withdraw", args=[household.pk, consent.pk]),
        {"withdrawn_on": TODAY.isoformat(), "reason": "Ønsker det ikke"})
    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "stopped"


def test_reading_what_was_shared_is_audited(client, caseworker, referral):
    client.force_login(caseworker)
    response = client.get(reverse("community:referral_detail", args=[referral.pk]),
                          HTTP_ACCEPT_LANGUAGE="en")
    assert "20 11 22 33" in response.content.decode()
    assert AuditEvent.objects.filter(object_type="community.referral", action="view",
                                     actor=caseworker).exists()


def test_the_case_page_shows_consents_and_referrals(client, caseworker, household, referral):
    client.force_login(caseworker)
    response = client.get(reverse("reception:case_detail", args=[household.pk]),
                          HTTP_ACCEPT_LANGUAGE="en")
    text = response.content.decode()
    assert "Associations and community" in text
    assert "Hvalsø IF" in text
    assert reverse("community:referral_create", args=[household.pk]) in text
    assert reverse("community:referral_follow_up", args=[referral.pk]) in text


def test_the_follow_up_list_shows_the_due_referrals(client, caseworker, referral):
    type(referral).objects.filter(pk=referral.pk).update(
        follow_up_on=TODAY - datetime.timedelta(days=1))
    client.force_login(caseworker)
    response = client.get(reverse("community:follow_up_list"), HTTP_ACCEPT_LANGUAGE="en")
    assert "LEJ-2026-00042" in response.content.decode()
    assert "overdue" in response.content.decode()


def test_the_start_page_lists_welcome_meetings(client, municipality, caseworker):
    from tests.volunteers.factories import EventFactory

    start = timezone.now() + datetime.timedelta(days=3)
    EventFactory(municipality=municipality, kind="welcome_meeting", title="Velkomstmøde",
                 starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    EventFactory(municipality=municipality, kind="other", title="Kortspil",
                 starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    client.force_login(caseworker)
    text = client.get(reverse("community:start")).content.decode()
    assert "Velkomstmøde" in text and "Kortspil" not in text


def test_association_lists_cost_the_same_for_more_rows(client, municipality, caseworker,
                                                      django_assert_num_queries):
    client.force_login(caseworker)
    for n in range(2):
        AssociationFactory(municipality=municipality, name=f"Klub {n}")
    client.get(reverse("community:association_list"))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(reverse("community:association_list"), {"language": "da"})
    for n in range(2, 12):
        AssociationFactory(municipality=municipality, name=f"Klub {n}")
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("community:association_list"), {"language": "da"})
