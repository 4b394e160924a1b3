"""Sending by e-mail: one single-use link per recipient, after commit, never twice; paper
slips for citizens without e-mail."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from integration_portal.core.models import OutboxMessage
from surveys import services
from surveys.models import Dispatch, Invitation
from surveys.tasks import survey_dispatch_task
from surveys.tokens import token_hash
from tests.employment.factories import EmployerFactory
from tests.factories import HouseholdFactory, PersonFactory, UserFactory
from tests.notifications.helpers import tasks_run_eagerly

pytestmark = pytest.mark.django_db


@pytest.fixture
def citizens(municipality):
    household = HouseholdFactory(municipality=municipality, status="arrived")
    PersonFactory(household=household, email="amal@example.org", email_consent=True,
                  first_name="Amal", last_name="Haddad")
    PersonFactory(household=household, relation="spouse", email="", email_consent=False)
    PersonFactory(household=household, relation="child", email="kid@example.org",
                  email_consent=True,
                  birth_date=datetime.date.today() - datetime.timedelta(days=3650))
    closed = HouseholdFactory(municipality=municipality, status="closed")
    PersonFactory(household=closed, email="gone@example.org", email_consent=True)
    return household


def test_the_send_page_counts_recipients_per_group(manager_client, survey, citizens,
                                                   municipality):
    EmployerFactory(municipality=municipality, contact_email="hr@bageri.example")
    response = manager_client.get(reverse("surveys:send", args=[survey.pk]))
    overview = {row.group: row for row in response.context["overview"]}
    # one adult with e-mail and consent; one adult without; the child and the closed case
    # are not counted
    assert overview["citizens"].emails == 1
    assert overview["citizens"].without_email == 1
    assert overview["employers"].emails == 1


def test_sending_enqueues_after_commit_and_e_mails_one_link_each(
        manager_client, survey, citizens, municipality, django_capture_on_commit_callbacks):
    # given
    UserFactory(municipality=municipality, volunteer=True)  # no profile: not active

    # when
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = manager_client.post(reverse("surveys:send", args=[survey.pk]),
                                       {"groups": ["citizens"]})

    # then
    assert response.status_code == 302
    assert len(callbacks) == 1
    assert OutboxMessage.objects.filter(task_name=survey_dispatch_task.name).count() == 1
    assert [message.to for message in mail.outbox] == [["amal@example.org"]]
    invitation = Invitation.objects.get()
    assert invitation.group == "citizens" and invitation.channel == "email"
    assert invitation.sent_at is not None
    # the link in the e-mail opens the invitation; its token is stored only as a hash
    token = mail.outbox[0].body.split("/surveys/r/")[1].split("/")[0]
    assert invitation.token_hash == token_hash(token)
    assert token not in str(Invitation.objects.values().get())


def test_running_the_task_twice_sends_nothing_new(survey, citizens, manager):
    # given
    with_dispatch = services.survey_send(survey=survey, groups=["citizens"], actor=manager)

    # when
    survey_dispatch_task(with_dispatch[0].pk)
    survey_dispatch_task(with_dispatch[0].pk)

    # then
    assert len(mail.outbox) == 1
    assert Invitation.objects.count() == 1
    assert Dispatch.objects.get().sent_count == 1


def test_a_group_is_sent_to_once(manager_client, survey, citizens, manager):
    services.survey_send(survey=survey, groups=["citizens"], actor=manager)
    response = manager_client.post(reverse("surveys:send", args=[survey.pk]),
                                   {"groups": ["citizens"]})
    assert response.status_code == 400
    assert Dispatch.objects.count() == 1


def test_a_draft_survey_cannot_be_sent(survey, manager):
    survey.status = "draft"
    survey.save()
    with pytest.raises(services.ValidationError):
        services.survey_send(survey=survey, groups=["citizens"], actor=manager)


def test_paper_slips_are_a_pdf_of_single_use_codes(manager_client, survey):
    # when
    response = manager_client.post(reverse("surveys:slips", args=[survey.pk]),
                                   {"count": "3", "language": "ar"})

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert Invitation.objects.filter(channel="paper", group="citizens").count() == 3


def test_too_many_slips_are_refused(manager_client, survey):
    response = manager_client.post(reverse("surveys:slips", args=[survey.pk]),
                                   {"count": "5000", "language": ""})
    assert response.status_code == 400
    assert not Invitation.objects.exists()


def test_a_slip_in_arabic_is_laid_out_right_to_left(survey, monkeypatch):
    # given
    from surveys import results_pdf

    rendered = {}
    monkeypatch.setattr(results_pdf, "render_html_pdf",
                        lambda html: rendered.setdefault("html", html).encode())

    # when
    results_pdf.render_slips_pdf(survey=survey, tokens=["ABCDEFGHJKLM"], language="ar",
                                 link_base="https://portal.example/surveys/r/")

    # then the Danish block runs left to right, the Arabic one right to left
    html = rendered["html"]
    assert 'lang="da" dir="ltr"' in html and 'lang="ar" dir="rtl"' in html
    assert "ABCD-EFGH-JKLM" in html
    assert "https://portal.example/surveys/r/ABCDEFGHJKLM/" in html
    assert survey.title["ar"] in html


def test_volunteers_employers_and_associations_get_one_e_mail_each(survey, manager,
                                                                   municipality):
    # given an active volunteer, an employer and an association (and one of each elsewhere)
    from tests.community.factories import AssociationFactory
    from tests.volunteers.factories import VolunteerProfileFactory

    VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True,
                                             email="frivillig@example.org"),
                            status="active", agreement_signed_on=datetime.date(2026, 1, 5))
    EmployerFactory(municipality=municipality, contact_email="hr@bageri.example")
    AssociationFactory(municipality=municipality, email="klub@example.org")
    AssociationFactory(email="other@example.org")
    groups = ["volunteers", "employers", "associations"]

    # when
    dispatches = services.survey_send(survey=survey, groups=groups, actor=manager)
    for dispatch in dispatches:
        survey_dispatch_task(dispatch.pk)

    # then
    assert sorted(message.to[0] for message in mail.outbox) == [
        "frivillig@example.org", "hr@bageri.example", "klub@example.org"]
    assert sorted(Invitation.objects.values_list("group", flat=True)) == sorted(groups)
