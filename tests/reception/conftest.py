from datetime import date

import pytest

from reception import services


@pytest.fixture
def notice_data():
    return {
        "source": "email", "source_reference": "US-2026-77", "received_on": date(2026, 9, 1),
        "expected_arrival_date": date(2026, 10, 1), "residence_basis": "asylum_refugee",
        "placement_decision_date": date(2026, 9, 10), "adults": 2, "children_0_5": 1,
        "children_6_14": 0, "children_15_17": 0, "languages": ["ar"], "need_flags": [],
        "note": "",
    }


@pytest.fixture
def household(municipality, caseworker, notice_data):
    household = services.notice_register(municipality=municipality, actor=caseworker,
                                         **notice_data)
    services.household_assign_caseworker(household=household, actor=caseworker,
                                         caseworker=caseworker)
    return household


@pytest.fixture
def adult_data():
    return {
        "relation": "applicant", "first_name": "Ahmad", "last_name": "Al-Hassan",
        "cpr": "140385-1237", "birth_date": date(1985, 3, 14), "residence_basis": "asylum_refugee",
        "languages": ["ar"], "letter_language": "ar", "nationality": "Syrien",
    }
