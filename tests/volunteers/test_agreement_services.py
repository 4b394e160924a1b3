"""Organisations and cooperation agreements are written only through their services, which
keep each municipality to its own, validate everything and leave an audit trail."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from integration_portal.audit.models import AuditEvent
from tests.volunteers.factories import CooperationAgreementFactory, OrganisationFactory
from volunteers.models import CooperationAgreement, Organisation, default_commitments
from volunteers.services import (
    agreement_commitments_update,
    agreement_create,
    agreement_give_notice,
    agreement_record_evaluation,
    agreement_update,
    organisation_create,
    organisation_update,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation(municipality):
    return OrganisationFactory(municipality=municipality,
                               name="Frivillignet Lejre Flygtningevenner")


@pytest.fixture
def agreement(organisation):
    return CooperationAgreementFactory(organisation=organisation,
                                       period_start=datetime.date(2025, 1, 1),
                                       signed_on=datetime.date(2025, 1, 1),
                                       evaluation_due_on=datetime.date(2026, 1, 1))


def _audited(obj, summary):
    return AuditEvent.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk),
                                     summary=summary).exists()


# Organisations


def test_a_coordinator_registers_an_organisation(municipality, coordinator):
    # when
    organisation = organisation_create(
        municipality=municipality, actor=coordinator, name="  Frivillignet Hvalsø ",
        parent_network="Dansk Flygtningehjælps Frivillignet", contact_email="kontakt@example.org",
    )
    # then
    assert organisation.municipality == municipality
    assert organisation.name == "Frivillignet Hvalsø"
    assert _audited(organisation, "Volunteer organisation created")


def test_an_organisation_name_is_taken_whatever_its_case(municipality, coordinator,
                                                         organisation, other_municipality):
    # when the same name is registered again, in other letters' case
    with pytest.raises(ValidationError) as error:
        organisation_create(municipality=municipality, actor=coordinator,
                            name="frivillignet lejre flygtningevenner")
    # then the error is on the name, and nothing is saved
    assert "name" in error.value.message_dict
    assert Organisation.objects.count() == 1
    # but another municipality may have an organisation of that name
    OrganisationFactory(municipality=other_municipality, name=organisation.name)


def test_a_bad_e_mail_address_is_refused(municipality, coordinator):
    with pytest.raises(ValidationError) as error:
        organisation_create(municipality=municipality, actor=coordinator, name="Netværket",
                            contact_email="not an address")
    assert "contact_email" in error.value.message_dict
    assert not Organisation.objects.exists()


def test_only_a_coordinator_of_the_municipality_registers_an_organisation(
        municipality, caseworker, manager, other_caseworker):
    for actor in (caseworker, manager, other_caseworker):
        with pytest.raises(PermissionError):
            organisation_create(municipality=municipality, actor=actor, name="Netværket")
    assert not Organisation.objects.exists()


def test_an_organisation_is_changed_and_the_change_audited(organisation, coordinator):
    # when
    organisation_update(organisation=organisation, actor=coordinator, name=organisation.name,
                        parent_network="", contact_name="Formanden",
                        contact_email="formand@example.org", contact_phone="12345678")
    # then
    organisation.refresh_from_db()
    assert organisation.contact_name == "Formanden"
    event = AuditEvent.objects.get(summary="Volunteer organisation changed")
    assert event.changed_fields == ["contact_email", "contact_name", "contact_phone",
                                    "parent_network"]


def test_another_municipality_cannot_change_the_organisation(organisation, other_caseworker):
    with pytest.raises(PermissionError):
        organisation_update(organisation=organisation, actor=other_caseworker, name="X",
                            parent_network="", contact_name="", contact_email="",
                            contact_phone="")


# Drawing up and changing an agreement


def test_a_new_agreement_starts_from_the_model_commitments_and_is_evaluated_a_year_after_signing(
        organisation, coordinator):
    # when
    agreement = agreement_create(organisation=organisation, actor=coordinator,
                                 period_start=datetime.date(2025, 3, 1),
                                 signed_on=datetime.date(2025, 2, 28),
                                 organisation_contacts="Den siddende bestyrelsesformand")
    # then
    assert agreement.commitments == default_commitments()
    assert agreement.evaluation_due_on == datetime.date(2026, 2, 28)
    assert agreement.organisation_contacts == "Den siddende bestyrelsesformand"
    assert _audited(agreement, "Cooperation agreement drawn up")


def test_a_draft_is_evaluated_a_year_after_its_start_unless_a_date_is_given(organisation,
                                                                             coordinator):
    draft = agreement_create(organisation=organisation, actor=coordinator,
                             period_start=datetime.date(2025, 1, 31))
    assert draft.evaluation_due_on == datetime.date(2026, 1, 31)
    chosen = agreement_create(organisation=organisation, actor=coordinator,
                              period_start=datetime.date(2025, 1, 31),
                              evaluation_due_on=datetime.date(2025, 9, 1))
    assert chosen.evaluation_due_on == datetime.date(2025, 9, 1)


@pytest.mark.parametrize(("dates", "field"), [
    ({"period_start": datetime.date(2025, 6, 1), "period_end": datetime.date(2025, 5, 31)},
     "period_end"),
    ({"period_start": datetime.date(2025, 6, 1), "signed_on": datetime.date(2999, 1, 1)},
     "signed_on"),
    ({"period_start": datetime.date(2025, 6, 1),
      "evaluation_due_on": datetime.date(2025, 5, 1)}, "evaluation_due_on"),
])
def test_impossible_dates_are_refused_on_their_field_and_nothing_is_saved(
        organisation, coordinator, dates, field):
    with pytest.raises(ValidationError) as error:
        agreement_create(organisation=organisation, actor=coordinator, **dates)
    assert field in error.value.message_dict
    assert not CooperationAgreement.objects.exists()


def test_only_a_coordinator_of_the_municipality_draws_up_an_agreement(organisation, manager,
                                                                      other_caseworker):
    for actor in (manager, other_caseworker):
        with pytest.raises(PermissionError):
            agreement_create(organisation=organisation, actor=actor,
                             period_start=datetime.date(2025, 1, 1))
    assert not CooperationAgreement.objects.exists()


def test_changing_the_terms_is_audited_with_the_changed_fields(agreement, coordinator):
    # when
    agreement_update(agreement=agreement, actor=coordinator,
                     period_start=agreement.period_start,
                     period_end=datetime.date(2027, 12, 31), signed_on=agreement.signed_on,
                     evaluation_due_on=agreement.evaluation_due_on,
                     municipality_contacts="Inge Bagge, afdelingsleder",
                     organisation_contacts="")
    # then
    agreement.refresh_from_db()
    assert agreement.period_end == datetime.date(2027, 12, 31)
    assert agreement.ends_on == datetime.date(2027, 12, 31)
    event = AuditEvent.objects.get(summary="Cooperation agreement changed")
    assert event.changed_fields == ["municipality_contacts", "period_end"]


def test_an_update_with_the_end_before_the_start_changes_nothing(agreement, coordinator):
    with pytest.raises(ValidationError) as error:
        agreement_update(agreement=agreement, actor=coordinator,
                         period_start=datetime.date(2025, 1, 1),
                         period_end=datetime.date(2024, 12, 31), signed_on=agreement.signed_on,
                         evaluation_due_on=None, municipality_contacts="Ny kontakt",
                         organisation_contacts="")
    assert "period_end" in error.value.message_dict
    agreement.refresh_from_db()
    assert agreement.period_end is None
    assert agreement.municipality_contacts == ""


def test_an_empty_evaluation_date_counts_from_the_last_evaluation(agreement, coordinator):
    # given an evaluation on 10 January 2026
    agreement_record_evaluation(agreement=agreement, actor=coordinator,
                                evaluated_on=datetime.date(2026, 1, 10))
    # when the terms are saved without an evaluation date
    agreement_update(agreement=agreement, actor=coordinator,
                     period_start=agreement.period_start, period_end=None,
                     signed_on=agreement.signed_on, evaluation_due_on=None,
                     municipality_contacts="", organisation_contacts="")
    # then the next one is a year after the last
    assert agreement.evaluation_due_on == datetime.date(2027, 1, 10)


def test_a_signing_date_cannot_be_removed_after_notice(agreement, coordinator):
    agreement_give_notice(agreement=agreement, actor=coordinator,
                          notice_on=datetime.date(2026, 1, 15))
    with pytest.raises(ValidationError) as error:
        agreement_update(agreement=agreement, actor=coordinator,
                         period_start=agreement.period_start, period_end=None, signed_on=None,
                         evaluation_due_on=None, municipality_contacts="",
                         organisation_contacts="")
    assert "signed_on" in error.value.message_dict


def test_notice_twice_is_refused_and_the_first_notice_stands(agreement, coordinator):
    agreement_give_notice(agreement=agreement, actor=coordinator,
                          notice_on=datetime.date(2026, 1, 31))
    with pytest.raises(ValidationError):
        agreement_give_notice(agreement=agreement, actor=coordinator,
                              notice_on=datetime.date(2026, 2, 2))
    agreement.refresh_from_db()
    assert agreement.terminated_on == datetime.date(2026, 1, 31)
    assert agreement.ends_on == datetime.date(2026, 2, 28)


# The checklist of commitments


def test_the_checklist_is_replaced_in_order_and_audited(agreement, coordinator):
    # when
    agreement_commitments_update(agreement=agreement, actor=coordinator, commitments=[
        {"party": "organisation", "text": "  Alle frivillige udfylder en børneattest. ",
         "done": True},
        {"party": "municipality", "text": "Stille lokaler til rådighed.", "done": False},
    ])
    # then
    agreement.refresh_from_db()
    assert agreement.commitments == [
        {"party": "organisation", "text": "Alle frivillige udfylder en børneattest.",
         "done": True},
        {"party": "municipality", "text": "Stille lokaler til rådighed.", "done": False},
    ]
    assert _audited(agreement, "Commitments of the cooperation agreement changed")


@pytest.mark.parametrize("commitments", [
    "Alle frivillige udfylder en børneattest.",
    [{"party": "the mayor", "text": "Alt", "done": False}],
    [{"party": "organisation", "text": 42, "done": False}],
    [{"party": "organisation", "text": "Noget", "done": "yes"}],
    [{"party": "organisation", "text": "   ", "done": False}],
    [{"party": "organisation", "text": "x" * 1001, "done": False}],
    [["organisation", "Noget", False]],
    [{"party": "organisation", "text": "Noget", "done": False}] * 51,
])
def test_a_malformed_checklist_is_refused_and_the_old_one_kept(agreement, coordinator,
                                                               commitments):
    with pytest.raises(ValidationError) as error:
        agreement_commitments_update(agreement=agreement, actor=coordinator,
                                     commitments=commitments)
    assert "commitments" in error.value.message_dict
    agreement.refresh_from_db()
    assert agreement.commitments == default_commitments()


def test_a_manager_cannot_tick_a_commitment(agreement, manager):
    with pytest.raises(PermissionError):
        agreement_commitments_update(agreement=agreement, actor=manager, commitments=[])


# The yearly evaluation


def test_an_evaluation_sets_the_next_one_a_year_later(agreement, coordinator):
    # when
    agreement_record_evaluation(agreement=agreement, actor=coordinator,
                                evaluated_on=datetime.date(2026, 1, 20))
    # then
    agreement.refresh_from_db()
    assert agreement.last_evaluated_on == datetime.date(2026, 1, 20)
    assert agreement.evaluation_due_on == datetime.date(2027, 1, 20)
    assert _audited(agreement, "Cooperation agreement evaluated")


@pytest.mark.parametrize("evaluated_on", [
    datetime.date(2999, 1, 1),  # in the future
    datetime.date(2024, 12, 31),  # before the agreement started
])
def test_an_impossible_evaluation_date_is_refused(agreement, coordinator, evaluated_on):
    with pytest.raises(ValidationError) as error:
        agreement_record_evaluation(agreement=agreement, actor=coordinator,
                                    evaluated_on=evaluated_on)
    assert "evaluated_on" in error.value.message_dict
    agreement.refresh_from_db()
    assert agreement.last_evaluated_on is None


def test_an_evaluation_earlier_than_the_last_is_refused(agreement, coordinator):
    agreement_record_evaluation(agreement=agreement, actor=coordinator,
                                evaluated_on=datetime.date(2026, 1, 20))
    with pytest.raises(ValidationError):
        agreement_record_evaluation(agreement=agreement, actor=coordinator,
                                    evaluated_on=datetime.date(2025, 12, 1))
    agreement.refresh_from_db()
    assert agreement.last_evaluated_on == datetime.date(2026, 1, 20)


def test_an_evaluation_after_the_agreement_ended_is_refused(agreement, coordinator):
    agreement_give_notice(agreement=agreement, actor=coordinator,
                          notice_on=datetime.date(2025, 6, 1))
    with pytest.raises(ValidationError):
        agreement_record_evaluation(agreement=agreement, actor=coordinator,
                                    evaluated_on=datetime.date(2025, 7, 1))


def test_a_draft_is_not_evaluated(organisation, coordinator):
    draft = CooperationAgreementFactory(organisation=organisation, signed_on=None,
                                        period_start=datetime.date(2025, 1, 1))
    with pytest.raises(ValidationError):
        agreement_record_evaluation(agreement=draft, actor=coordinator,
                                    evaluated_on=datetime.date(2025, 6, 1))
