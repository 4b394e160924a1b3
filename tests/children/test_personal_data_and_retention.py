"""The child's personal data export holds their places, assessments and youth guidance; the
retention anonymiser erases notes, the counsellor's contact and the education plan, and keeps
dates, kinds and results."""

import pytest

from children import services
from children.models import ChildPlacement, LanguageAssessment, YouthGuidance
from children.personal_data import personal_data_section
from children.retention import anonymise_household
from tests.children.conftest import ARRIVAL, TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def records(child, teenager, daycare, caseworker):
    services.placement_create(person=child, actor=caseworker, institution=daycare,
                              status="requested", requested_on=ARRIVAL, note="Nødeallergi")
    services.assessment_create(person=child, actor=caseworker, assessed_on=TODAY,
                               result="Særlig indsats", note="Taler arabisk")
    services.youth_guidance_save(person=teenager, actor=caseworker, contact_name="Lars Holm",
                                 contact_phone="22113344", first_meeting_on=TODAY,
                                 education_plan="EUD efter 10. klasse", status="active")


def test_the_export_holds_the_child_s_records(records, child, teenager, caseworker):
    section = personal_data_section(child, caseworker)
    tables = {table.key: table.rows for table in section.tables}

    assert [row["institution"] for row in tables["places"]] == ["Børnehuset Troldehøj"]
    assert tables["places"][0]["note"] == "Nødeallergi"
    assert [row["result"] for row in tables["language_assessments"]] == ["Særlig indsats"]
    assert tables["youth_guidance"] == []
    teen = {table.key: table.rows for table in personal_data_section(teenager, caseworker).tables}
    assert teen["youth_guidance"][0]["education_plan"] == "EUD efter 10. klasse"


def test_another_municipality_s_viewer_gets_nothing(records, child, other_caseworker):
    section = personal_data_section(child, other_caseworker)
    assert all(table.rows == [] for table in section.tables)


def test_anonymisation_erases_the_free_text_and_contacts(records, household):
    counts = anonymise_household(household.pk)

    assert counts == {"children's place notes": 1, "language assessment notes": 1,
                      "youth guidance": 1}
    assert ChildPlacement.objects.get().note == ""
    assessment = LanguageAssessment.objects.get()
    assert (assessment.note, assessment.result) == ("", "Særlig indsats")
    guidance = YouthGuidance.objects.get()
    assert (guidance.contact_name, guidance.contact_phone, guidance.education_plan) == (
        "", "", "")
    assert (guidance.first_meeting_on, guidance.status) == (TODAY, "active")
