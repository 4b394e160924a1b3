"""Language assessments with the municipality's own result categories, and youth guidance
for 15–17-year-olds only."""

import pytest
from django.core.exceptions import ValidationError

from children import services
from children.models import LanguageAssessment, YouthGuidance
from integration_portal.audit.models import AuditEvent
from tests.children.conftest import ARRIVAL, DAY, TODAY

pytestmark = pytest.mark.django_db


def test_an_assessment_takes_a_result_from_the_municipality_s_list(child, caseworker,
                                                                  municipality, manager):
    # given the municipality records its own categories
    services.settings_save(municipality=municipality, actor=manager,
                           assessment_results=["Grøn", "Gul", "Rød"])

    # when / then
    with pytest.raises(ValidationError) as refused:
        services.assessment_create(person=child, actor=caseworker, assessed_on=TODAY,
                                   result="Generel indsats")
    assert "Grøn, Gul, Rød" in refused.value.message_dict["result"][0]
    assessment = services.assessment_create(person=child, actor=caseworker, assessed_on=TODAY,
                                            result="Gul", next_assessment_on=TODAY + 90 * DAY)
    assert assessment.result == "Gul"


def test_an_assessment_before_arrival_or_in_the_future_is_refused(child, caseworker):
    for day in (ARRIVAL - DAY, TODAY + DAY):
        with pytest.raises(ValidationError) as refused:
            services.assessment_create(person=child, actor=caseworker, assessed_on=day,
                                       result="Generel indsats")
        assert list(refused.value.message_dict) == ["assessed_on"]
    assert not LanguageAssessment.objects.exists()


def test_the_next_assessment_must_come_after(child, caseworker):
    with pytest.raises(ValidationError) as refused:
        services.assessment_create(person=child, actor=caseworker, assessed_on=TODAY,
                                   result="Generel indsats", next_assessment_on=TODAY)
    assert list(refused.value.message_dict) == ["next_assessment_on"]


def test_youth_guidance_with_an_education_plan_for_a_16_year_old(teenager, caseworker):
    guidance = services.youth_guidance_save(
        person=teenager, actor=caseworker, contact_name="Lars Holm",
        contact_email="lars.holm@example.org", first_meeting_on=TODAY - DAY,
        education_plan="10. klasse, derefter EUD.", plan_date=TODAY, status="active")

    again = services.youth_guidance_save(person=teenager, actor=caseworker,
                                         education_plan="10. klasse, derefter HF.")

    assert again.pk == guidance.pk
    assert YouthGuidance.objects.get().education_plan == "10. klasse, derefter HF."
    assert list(AuditEvent.objects.filter(object_type="children.youthguidance")
                .order_by("pk").values_list("action", flat=True)) == ["create", "update"]


def test_youth_guidance_is_refused_for_a_younger_child(child, caseworker):
    with pytest.raises(ValidationError) as refused:
        services.youth_guidance_save(person=child, actor=caseworker, contact_name="Lars Holm")
    assert "aged 15 to 17" in refused.value.message_dict["first_meeting_on"][0]
    assert not YouthGuidance.objects.exists()


def test_settings_need_a_name_when_the_municipality_uses_its_own(municipality, manager,
                                                                  caseworker):
    with pytest.raises(ValidationError) as refused:
        services.settings_save(municipality=municipality, actor=manager,
                               youth_guidance_label="custom", youth_guidance_custom_label=" ")
    assert list(refused.value.message_dict) == ["youth_guidance_custom_label"]
    with pytest.raises(PermissionError):
        services.settings_save(municipality=municipality, actor=caseworker,
                               youth_guidance_label="uu")
    saved = services.settings_save(municipality=municipality, actor=manager,
                                   youth_guidance_label="custom",
                                   youth_guidance_custom_label="Ungeporten")
    assert saved.guidance_label == "Ungeporten"


def test_institutions_are_edited_by_caseworkers_and_managers(municipality, caseworker,
                                                            manager, other_caseworker):
    institution = services.institution_create(
        municipality=municipality, actor=caseworker, kind="school", name="Hvalsø Skole")
    services.institution_update(institution=institution, actor=manager,
                                strategy="Velkomstmøde med tolk.",
                                strategy_adopted_on=TODAY)
    institution.refresh_from_db()
    assert institution.has_strategy
    with pytest.raises(PermissionError):
        services.institution_update(institution=institution, actor=other_caseworker,
                                    name="Anden")
    with pytest.raises(ValidationError):
        services.institution_create(municipality=municipality, actor=caseworker,
                                    kind="school", name="Hvalsø Skole")
