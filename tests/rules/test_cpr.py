"""CPR numbers are parsed and masked, their century read from the 7th digit, and a number
that fails the old modulus-11 check is accepted (domain.md §5)."""

from dataclasses import fields
from datetime import date

import pytest
from django import forms
from django.core.exceptions import ValidationError

from integration_portal.rules.cpr import (
    DATE_MESSAGE,
    FORMAT_MESSAGE,
    Cpr,
    CprFormField,
    parse_cpr,
    validate_cpr,
)

MOD11_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


def passes_modulus_11(digits: str) -> bool:
    return sum(int(d) * w for d, w in zip(digits, MOD11_WEIGHTS, strict=True)) % 11 == 0


@pytest.mark.parametrize("value", ["150385-1234", "1503851234", "  150385-1234\n"])
def test_a_number_with_or_without_hyphen_is_normalised(value):
    # when
    cpr = parse_cpr(value)

    # then
    assert cpr.normalised == "150385-1234"
    assert cpr.birth_date == date(1985, 3, 15)
    assert cpr.masked == "150385-XXXX"


def test_a_1_january_number_failing_modulus_11_is_accepted():
    # given a number of the kind issued since 2007 to people with an unknown birth date
    value = "010180-1234"
    assert not passes_modulus_11(value.replace("-", ""))

    # when
    cpr = parse_cpr(value)

    # then
    assert cpr.birth_date == date(1980, 1, 1)


def test_a_number_issued_after_2007_without_modulus_11_is_accepted():
    # given a child born in 2015, registered with 1 January (7th digit 4 → 2000s)
    value = "010115-4001"
    assert not passes_modulus_11(value.replace("-", ""))

    # when / then
    assert parse_cpr(value).birth_date == date(2015, 1, 1)


@pytest.mark.parametrize(
    ("value", "born"),
    [
        ("290200-4123", date(2000, 2, 29)),  # 2000 is a leap year (divisible by 400)
        ("290296-1123", date(1996, 2, 29)),
        ("290224-4123", date(2024, 2, 29)),
    ],
)
def test_29_february_in_a_leap_year_is_a_real_date(value, born):
    assert parse_cpr(value).birth_date == born


@pytest.mark.parametrize("value", ["290297-1123", "290223-4123", "290200-0123"])
def test_29_february_in_a_common_year_is_rejected(value):
    # "290200-0123": 7th digit 0 puts it in 1900, which was not a leap year
    with pytest.raises(ValidationError) as raised:
        parse_cpr(value)

    assert raised.value.code == "cpr_date"


@pytest.mark.parametrize(
    ("value", "year"),
    [
        ("010199-0001", 1999),  # 0 to 3: always the 1900s
        ("010100-3001", 1900),
        ("010136-4001", 2036),  # 4 and 9: the 2000s up to and including 36 …
        ("010137-4001", 1937),  # … and the 1900s from 37
        ("010136-9001", 2036),
        ("010137-9001", 1937),
        ("010157-5001", 2057),  # 5 to 8: the 2000s up to and including 57 …
        ("010158-5001", 1858),  # … and the 1800s from 58
        ("010100-8001", 2000),
        ("010199-8001", 1899),
    ],
)
def test_the_century_comes_from_the_7th_digit(value, year):
    assert parse_cpr(value).birth_date.year == year


@pytest.mark.parametrize(
    "value",
    [
        "",
        "   ",
        "abcdef-ghij",
        "010180-123",  # too short
        "010180-12345",  # too long
        "010180 1234",  # a space is not a separator
        "010180--1234",
        "01018-01234",
        "٠١٠١٨٠١٢٣٤",  # Arabic-Indic digits look like digits to \d without re.ASCII
    ],
)
def test_anything_that_is_not_ten_digits_is_a_format_error(value):
    with pytest.raises(ValidationError) as raised:
        parse_cpr(value)

    assert raised.value.code == "cpr_format"


@pytest.mark.parametrize("value", ["320180-1234", "001080-1234", "011380-1234", "310480-1234"])
def test_an_impossible_day_or_month_is_a_date_error(value):
    with pytest.raises(ValidationError) as raised:
        parse_cpr(value)

    assert raised.value.code == "cpr_date"


def test_the_full_number_stays_out_of_text_representations():
    # given
    cpr = parse_cpr("150385-1234")

    # when
    shown = [repr(cpr), str(cpr), f"{cpr}"]

    # then
    assert all("1234" not in text and "150385-XXXX" in text for text in shown)


def test_no_gender_is_derived():
    assert {f.name for f in fields(Cpr)} == {"normalised", "birth_date"}
    assert not any("gender" in name or "sex" in name for name in dir(parse_cpr("150385-1234")))


def test_validate_cpr_passes_a_valid_number_and_rejects_garbage():
    validate_cpr("010180-1234")

    with pytest.raises(ValidationError):
        validate_cpr("not a number")


class PersonForm(forms.Form):
    cpr = CprFormField()


def test_the_form_field_cleans_to_the_normalised_number():
    # when
    form = PersonForm(data={"cpr": " 0101801234 "})

    # then
    assert form.is_valid(), form.errors
    assert form.cleaned_data["cpr"] == "010180-1234"


@pytest.mark.parametrize(
    ("value", "code", "message"),
    [
        ("12345", "cpr_format", FORMAT_MESSAGE),
        ("320180-1234", "cpr_date", DATE_MESSAGE),
    ],
)
def test_the_form_field_explains_what_is_wrong(value, code, message):
    # when
    form = PersonForm(data={"cpr": value})

    # then
    assert not form.is_valid()
    [error] = form.errors.as_data()["cpr"]
    assert error.code == code
    assert form.errors["cpr"] == [str(message)]


def test_the_form_field_is_required_by_default():
    form = PersonForm(data={"cpr": ""})

    assert not form.is_valid()
    assert form.errors["cpr"][0] == forms.Field.default_error_messages["required"]
