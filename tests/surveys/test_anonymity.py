"""Citizens' answers are never linked to a person or a case: not in the tables, nor in what
managers see or export."""

import pytest
from django.db import models
from django.urls import reverse

from surveys import services
from surveys.models import Answer, Invitation, Response
from tests.factories import HouseholdFactory, PersonFactory
from tests.surveys.factories import invite

pytestmark = pytest.mark.django_db


def test_a_response_has_no_link_to_an_invitation_a_person_or_a_case():
    for model in (Response, Answer, Invitation):
        targets = {field.related_model._meta.label for field in model._meta.get_fields()
                   if isinstance(field, models.ForeignKey)}
        assert targets <= {"surveys.Survey", "surveys.Response", "surveys.Question"}, model
    field_names = {field.name for field in Invitation._meta.get_fields()}
    assert not field_names & {"email", "person", "user", "household", "recipient"}
    assert "invitation" not in {field.name for field in Response._meta.get_fields()}


def test_no_name_cpr_or_case_reference_reaches_results_pdf_or_csv(manager_client, survey,
                                                                  questions, municipality):
    # given a citizen with a case who answers by e-mail link
    household = HouseholdFactory(municipality=municipality, status="arrived",
                                 reference="LEJ-2026-4242")
    person = PersonFactory(household=household, first_name="Zainab", last_name="Qasemi",
                           email="zainab@example.org", email_consent=True)
    person.cpr = "010190-1234"
    person.save()
    token = invite(survey)
    services.response_submit(token=token, language="ar",
                             answers={questions[0].pk: 5, questions[2].pk: "Tak for hjælpen"})

    # when
    pages = [manager_client.get(reverse(name, args=[survey.pk])) for name in
             ("surveys:results", "surveys:results_csv")]
    pdf = manager_client.get(reverse("surveys:results_pdf", args=[survey.pk]))

    # then
    for response in pages:
        body = response.content.decode()
        assert "Tak for hjælpen" in body
        for secret in ("Zainab", "Qasemi", "010190", "LEJ-2026-4242", "zainab@example.org"):
            assert secret not in body
    assert pdf.content.startswith(b"%PDF")
    for secret in (b"Zainab", b"Qasemi", b"010190", b"LEJ-2026-4242"):
        assert secret not in pdf.content
