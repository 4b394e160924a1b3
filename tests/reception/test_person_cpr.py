"""CPR numbers: encrypted at rest, found by hash, shown masked unless a caseworker reveals one."""

from datetime import date

import pytest
from django.db import connection
from django.urls import reverse

from integration_portal.audit.models import AuditEvent
from integration_portal.core.crypto import cpr_hash
from reception import selectors, services
from reception.models import Person
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

CPR, MASKED = "140385-1237", "140385-XXXX"


@pytest.fixture
def person(household, caseworker, adult_data):
    return services.person_add(household=household, actor=caseworker, **adult_data)


def _reveal_url(person: Person) -> str:
    return reverse("reception:person_cpr_reveal", args=[person.household_id, person.pk])


def _reveals(person: Person):
    return AuditEvent.objects.filter(action="view", object_type="reception.person",
                                     object_id=str(person.pk), summary="CPR number shown")


def test_the_database_holds_no_digits_of_the_number_beyond_the_birth_date(person):
    # when the row is read as it is stored
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM reception_person WHERE id = %s", [person.pk])
        row = " ".join(str(value) for value in cursor.fetchone())
        cursor.execute("SELECT cpr_ciphertext, cpr_masked FROM reception_person WHERE id = %s",
                       [person.pk])
        ciphertext, masked = cursor.fetchone()

    # then the number is nowhere in it, in any form; only the birth date is in the clear
    assert CPR not in row and "1403851237" not in row
    assert "1237" not in ciphertext and "140385" not in ciphertext
    assert masked == MASKED


def test_the_model_decrypts_the_number_and_a_new_one_replaces_all_three_columns(person):
    # given
    fresh = Person.objects.get(pk=person.pk)
    assert fresh.cpr == CPR
    assert fresh.cpr_hash == cpr_hash("1403851237")

    # when
    fresh.cpr = "0101902013"
    fresh.save()

    # then
    fresh.refresh_from_db()
    assert (fresh.cpr, fresh.cpr_masked, fresh.cpr_hash) == (
        "010190-2013", "010190-XXXX", cpr_hash("010190-2013"))


def test_setting_the_same_number_again_keeps_the_ciphertext(person):
    ciphertext = person.cpr_ciphertext

    person.cpr = "1403851237"

    assert person.cpr_ciphertext == ciphertext


def test_an_empty_number_removes_it(person):
    person.cpr = ""
    person.save()

    person.refresh_from_db()
    assert (person.cpr, person.cpr_ciphertext, person.cpr_hash, person.cpr_masked) == (
        "", "", "", "")


@pytest.mark.parametrize("query", [CPR, "1403851237", " 140385 1237 "])
def test_a_full_number_finds_the_case_through_its_hash(caseworker, household, person, query):
    # given another case in the municipality with a person born the same day
    other = HouseholdFactory(municipality=household.municipality)
    PersonFactory(household=other, cpr="140385-4321", birth_date=date(1985, 3, 14))

    # when
    found = list(selectors.household_list(user=caseworker, query=query))

    # then only the full number's case is found
    assert found == [household]


def test_a_birth_date_prefix_finds_everyone_born_that_day(caseworker, household, person):
    other = HouseholdFactory(municipality=household.municipality)
    PersonFactory(household=other, cpr="140385-4321", birth_date=date(1985, 3, 14))

    found = set(selectors.household_list(user=caseworker, query="140385"))

    assert found == {household, other}


def test_the_duplicate_check_finds_the_number_with_or_without_dash(caseworker, household,
                                                                    person, other_caseworker):
    assert list(selectors.persons_with_cpr(user=caseworker, cpr="1403851237")) == [person]
    assert list(selectors.persons_with_cpr(user=caseworker, cpr=CPR,
                                           exclude_pk=person.pk)) == []
    assert list(selectors.persons_with_cpr(user=other_caseworker, cpr=CPR)) == []


def test_the_case_and_person_pages_show_the_number_masked(client, caseworker, person):
    client.force_login(caseworker)

    for url in (reverse("reception:case_detail", args=[person.household_id]),
                reverse("reception:person_detail", args=[person.household_id, person.pk])):
        content = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
        assert MASKED in content, url
        assert CPR not in content and "1237" not in content, url
    assert not _reveals(person).exists()


def test_the_person_page_offers_a_caseworker_to_show_the_number(client, caseworker, manager,
                                                                person):
    client.force_login(caseworker)
    page = client.get(reverse("reception:person_detail", args=[person.household_id, person.pk]),
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Show CPR number" in page and _reveal_url(person) in page

    client.force_login(manager)
    page = client.get(reverse("reception:person_detail", args=[person.household_id, person.pk]),
                      HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Show CPR number" not in page


def test_showing_the_number_with_htmx_swaps_it_in_and_is_audit_logged(client, caseworker,
                                                                      person):
    client.force_login(caseworker)

    response = client.post(_reveal_url(person), HTTP_HX_REQUEST="true",
                           HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    content = response.content.decode()
    assert CPR in content and "<h1" not in content
    assert "no-store" in response["Cache-Control"]
    event = _reveals(person).get()
    assert event.actor == caseworker
    assert event.trail == f"reception.household:{person.household_id}"
    assert CPR not in event.summary and "1237" not in str(event.changed_fields)


def test_showing_the_number_without_javascript_returns_the_whole_page(client, caseworker,
                                                                     person):
    client.force_login(caseworker)

    response = client.post(_reveal_url(person), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "<h1" in response.content.decode() and CPR in response.content.decode()
    assert _reveals(person).count() == 1


def test_showing_the_number_is_a_post(client, caseworker, person):
    client.force_login(caseworker)

    assert client.get(_reveal_url(person)).status_code == 405
    assert not _reveals(person).exists()


@pytest.mark.parametrize(("user", "status"), [
    ("other_caseworker", 404), ("volunteer", 404), ("manager", 403),
])
def test_no_one_else_can_show_the_number(client, request, person, user, status):
    client.force_login(request.getfixturevalue(user))

    response = client.post(_reveal_url(person), HTTP_HX_REQUEST="true")

    assert response.status_code == status
    assert CPR not in response.content.decode()
    assert not _reveals(person).exists()


def test_the_reveal_service_refuses_another_municipalitys_user(person, other_caseworker):
    with pytest.raises(PermissionError):
        services.person_cpr_reveal(person=person, actor=other_caseworker)


def test_the_change_form_does_not_show_the_number_and_keeps_it_when_left_empty(
    client, caseworker, person, adult_data
):
    client.force_login(caseworker)
    url = reverse("reception:person_edit", args=[person.household_id, person.pk])

    # when the form is opened
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # then the number is not in it, only its masked form
    assert CPR not in page and MASKED in page

    # and when it is saved with the number left empty, the number is kept
    form = {**adult_data, "cpr": "", "birth_date": "1985-03-14", "literacy": "unknown",
            "phone": "+45 11 22 33 44"}
    assert client.post(url, form).status_code == 302
    person.refresh_from_db()
    assert person.cpr == CPR and person.phone == "+45 11 22 33 44"

    # and with "remove" ticked, it is removed
    assert client.post(url, {**form, "remove_cpr": "on"}).status_code == 302
    person.refresh_from_db()
    assert person.cpr == ""


def test_changing_the_number_records_the_field_not_the_value(caseworker, person):
    services.person_update(person=person, actor=caseworker, cpr="140385-4321")

    event = AuditEvent.objects.filter(action="update", object_type="reception.person").get()
    assert event.changed_fields == ["cpr"]
    assert "4321" not in event.summary


def test_reencrypting_after_a_key_rotation_moves_only_the_stale_numbers(settings, person,
                                                                        household):
    from cryptography.fernet import Fernet

    # given a second person encrypted with the old key, then a new key put first
    other = PersonFactory(household=household, cpr="010190-2013", birth_date=date(1990, 1, 1))
    settings.CPR_ENCRYPTION_KEY = f"{Fernet.generate_key().decode()},{settings.CPR_ENCRYPTION_KEY}"

    # when
    changed = services.persons_cpr_reencrypt(batch_size=1)

    # then both move, and a second run has nothing left to do
    assert changed == 2
    assert services.persons_cpr_reencrypt() == 0
    settings.CPR_ENCRYPTION_KEY = settings.CPR_ENCRYPTION_KEY.split(",")[0]
    assert Person.objects.get(pk=person.pk).cpr == CPR
    assert Person.objects.get(pk=other.pk).cpr == "010190-2013"


def test_after_a_new_hash_key_reencrypting_makes_numbers_findable_again(settings, person,
                                                                        caseworker):
    from reception.selectors import persons_with_cpr

    # given a new hash key: the stored hash no longer matches
    settings.CPR_HASH_KEY = "a-new-hash-key-for-the-test"
    assert not persons_with_cpr(user=caseworker, cpr=CPR).exists()

    # when the numbers are hashed again
    changed = services.persons_cpr_reencrypt()

    # then the number is found, and the ciphertext still decrypts
    assert changed == 1
    assert list(persons_with_cpr(user=caseworker, cpr=CPR)) == [person]
    assert Person.objects.get(pk=person.pk).cpr == CPR
