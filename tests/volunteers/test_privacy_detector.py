import pytest

from volunteers.privacy import find_personal_data


@pytest.mark.parametrize("text", [
    "Ring til ham, CPR 010180-1234.",
    "CPR: 0101801234",
    # Issued since 2007 and failing modulus 11: still a CPR number.
    "Hans nummer er 010115-4010",
])
def test_finds_cpr_numbers(text):
    # given a text with a CPR number, with or without the dash
    # when it is checked
    findings = find_personal_data(text, names=[])
    # then the CPR number is found, and not reported again as a phone number
    assert findings == ["a CPR number"]


def test_finds_cpr_number_failing_modulus_11():
    # given a number that fails the old modulus-11 check (weights 4,3,2,7,6,5,4,3,2,1)
    digits = "0101151234"
    weighted = sum(int(d) * w for d, w in zip(digits, (4, 3, 2, 7, 6, 5, 4, 3, 2, 1),
                                              strict=True))
    assert weighted % 11 != 0
    # when it is checked / then it is still a CPR number
    assert find_personal_data(f"cpr {digits}", names=[]) == ["a CPR number"]


@pytest.mark.parametrize("text", ["skriv til amina.h@example.com", "Mail: a_b+x@kommune.dk."])
def test_finds_email_addresses(text):
    assert find_personal_data(text, names=[]) == ["an e-mail address"]


@pytest.mark.parametrize("text", [
    "Ring 12345678", "Tlf. 12 34 56 78", "tlf 1234 5678", "ring +45 12 34 56 78",
    "ring +4512345678", "ring 0045 22334455",
])
def test_finds_danish_phone_numbers(text):
    assert find_personal_data(text, names=[]) == ["a phone number"]


def test_finds_given_names_as_whole_words_case_insensitively():
    # given the household's names
    names = ["Amina", "Al-Hassan", "Abdul Karim"]
    # when a text mentions two of them in other cases
    findings = find_personal_data("Mød AMINA og abdul karim ved stationen.", names=names)
    # then both are found, by the given spelling
    assert findings == ['the name "Amina"', 'the name "Abdul Karim"']


def test_does_not_find_a_name_inside_another_word():
    # given names that occur only inside longer words, and a one-letter name
    findings = find_personal_data("Natalie tager til Alibaba-markedet i Roskilde.",
                                  names=["Ali", "Tal", "R"])
    # then nothing is found
    assert findings == []


@pytest.mark.parametrize("text", [
    "Mødet er den 12.03 kl. 10.",
    "Adressen er i 4330 Hvalsø.",
    "Tirsdag 12.03.2026 kl. 14.30, ca. 3 timer, 2 voksne og 3 børn.",
    "Bus 215 fra Lejre Station 4320.",
])
def test_no_false_positive_on_dates_times_and_postcodes(text):
    assert find_personal_data(text, names=["Amina"]) == []


def test_reports_each_kind_once():
    findings = find_personal_data(
        "010180-1234 og 020290-2345, ring 22334455 eller 33445566, a@b.dk", names=[])
    assert findings == ["a CPR number", "an e-mail address", "a phone number"]
