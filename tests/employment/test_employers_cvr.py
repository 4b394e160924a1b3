"""The CVR number: 8 digits passing modulus 11, stored as digits only, once per municipality.

A number typed the way it is printed on an invoice ("DK 29 18 98 46") is accepted and kept as
"29189846"; a number that cannot exist is refused with a message on the CVR field.
"""

import pytest
from django.core.exceptions import ValidationError

from employment.models import Employer
from employment.models.employers import validate_cvr
from employment.services.employers import employer_create, employer_update
from tests.employment.factories import EmployerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("cvr", ["29189846", "10150817", "25313763", "DK 29 18 98 46",
                                 "dk29189846", " 2918 9846 "])
def test_valid_cvr_numbers_pass(cvr):
    validate_cvr(cvr)  # raises nothing


@pytest.mark.parametrize(("cvr", "code"), [
    ("29189847", "cvr_checksum"),  # one digit off: fails modulus 11
    ("1234567", "cvr_format"),  # 7 digits
    ("123456789", "cvr_format"),  # 9 digits
    ("abcdefgh", "cvr_format"),
    ("2918984A", "cvr_format"),
    ("01234567", "cvr_format"),  # a CVR number never starts with 0
    ("", "cvr_format"),
])
def test_impossible_cvr_numbers_are_refused(cvr, code):
    with pytest.raises(ValidationError) as refused:
        validate_cvr(cvr)

    assert refused.value.code == code


def test_a_cvr_number_starting_with_0_is_refused_even_when_its_digits_add_up():
    # 01234560 passes modulus 11 (7 + 12 + 15 + 16 + 15 + 12 + 0 = 77), but no CVR number
    # starts with 0.
    with pytest.raises(ValidationError) as refused:
        validate_cvr("01234560")

    assert refused.value.messages == ["A CVR number never starts with 0."]


def test_the_service_stores_the_digits_only(municipality, caseworker):
    # when
    employer = employer_create(municipality=municipality, actor=caseworker,
                               name="Lejre Bageri ApS", cvr="DK 29 18 98 46")

    # then
    employer.refresh_from_db()
    assert employer.cvr == "29189846"


@pytest.mark.parametrize(("cvr", "message"), [
    ("29189847", "29189847 is not a valid CVR number: check the digits."),
    ("1234567", "A CVR number is 8 digits, for example 29189846."),
    ("abcdefgh", "A CVR number is 8 digits, for example 29189846."),
    ("DK 1234 5678 9", "A CVR number is 8 digits, for example 29189846."),
])
def test_the_service_puts_one_clear_message_on_the_cvr_field(municipality, caseworker, cvr,
                                                            message):
    # when
    with pytest.raises(ValidationError) as refused:
        employer_create(municipality=municipality, actor=caseworker, name="Bageriet",
                        cvr=cvr)

    # then: the format's message alone, not also Django's "at most 8 characters"
    assert refused.value.message_dict == {"cvr": [message]}
    assert not Employer.objects.exists()


def test_a_duplicate_cvr_in_the_municipality_is_refused_on_the_cvr_field(
        municipality, caseworker):
    # given
    EmployerFactory(municipality=municipality, cvr="29189846", name="Lejre Bageri ApS")

    # when the same business is typed again, the way an invoice prints it
    with pytest.raises(ValidationError) as refused:
        employer_create(municipality=municipality, actor=caseworker, name="Bageriet i Lejre",
                        cvr="DK 29189846")

    # then
    assert refused.value.message_dict == {
        "cvr": ["An employer with this CVR number is already in the register."]}
    assert Employer.objects.count() == 1


def test_another_municipality_may_register_the_same_business(
        municipality, other_municipality, other_caseworker):
    # given
    EmployerFactory(municipality=municipality, cvr="29189846")

    # when
    employer = employer_create(municipality=other_municipality, actor=other_caseworker,
                               name="Lejre Bageri ApS", cvr="29189846")

    # then
    assert employer.municipality == other_municipality


def test_changing_to_another_employers_cvr_is_refused_and_keeping_ones_own_is_not(
        municipality, caseworker):
    # given
    EmployerFactory(municipality=municipality, cvr="29189846")
    employer = EmployerFactory(municipality=municipality, cvr="10150817", name="Hvalsø Kro")

    # when keeping its own number while changing the name
    employer_update(employer=employer, actor=caseworker, name="Hvalsø Kro A/S",
                    cvr="10150817")

    # then
    employer.refresh_from_db()
    assert employer.name == "Hvalsø Kro A/S"

    # when taking the other employer's number
    with pytest.raises(ValidationError) as refused:
        employer_update(employer=employer, actor=caseworker, cvr="29189846")

    # then
    assert list(refused.value.message_dict) == ["cvr"]
    employer.refresh_from_db()
    assert employer.cvr == "10150817"
