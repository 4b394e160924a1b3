"""Inviting volunteers by e-mail: the coordinator's invitation and the invitee's link."""

import datetime
import re
import smtplib
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import formats, timezone, translation

from integration_portal.accounts.models import User
from integration_portal.audit.models import AuditEvent
from tests.factories import MunicipalityFactory, UserFactory
from tests.volunteers.factories import OrganisationFactory
from volunteers import services
from volunteers.models import VolunteerInvitation, VolunteerProfile, invitation_token_hash

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "lilla-kaffekande-ved-fjorden"


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


def _link_in(message) -> str:
    """The path of the accept link in an invitation e-mail."""
    match = re.search(r"https?://\S+/volunteers/invitation/\S+/", message.body)
    assert match, message.body
    return urlsplit(match.group(0)).path


def _invite(coordinator, capture, *, email="amira@example.org", full_name="Amira Hansen",
            organisation=None) -> tuple[VolunteerInvitation, str]:
    """Invite through the service; returns the invitation and its link from the e-mail."""
    with capture(execute=True):
        invitation = services.volunteer_invite(actor=coordinator, email=email,
                                               full_name=full_name, organisation=organisation)
    return invitation, _link_in(mail.outbox[-1])


def _accept_data(**overrides):
    data = {"full_name": "Amira Hansen", "password": NEW_PASSWORD,
            "password_repeat": NEW_PASSWORD}
    data.update(overrides)
    return data


def test_a_coordinator_invites_and_one_email_with_a_working_link_leaves_after_commit(
        client, coordinator, municipality, django_capture_on_commit_callbacks):
    # given
    organisation = OrganisationFactory(municipality=municipality, name="Røde Kors Lejre")
    client.force_login(coordinator)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:invitation_create"), {
            "email": "Amira@Example.org", "full_name": "Amira Hansen",
            "organisation": organisation.pk,
        })
    # then the coordinator is back on the list, where the invitation waits
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:coordination")
    page = client.get(response["Location"]).content.decode()
    assert "amira@example.org" in page
    assert "Waiting for an answer" in page
    # and exactly one e-mail went to the invitee, naming the municipality
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amira@example.org"]
    assert "Lejre" in message.subject
    assert "Røde Kors Lejre" in message.body
    # and only the hash of the link's token is stored
    invitation = VolunteerInvitation.objects.get()
    token = _link_in(message).rstrip("/").rsplit("/", 1)[-1]
    assert invitation.token_hash == invitation_token_hash(token)
    assert token not in invitation.token_hash
    assert AuditEvent.objects.filter(object_type="volunteers.volunteerinvitation",
                                     object_id=str(invitation.pk)).exists()
    # and the link opens the form with the name filled in
    client.logout()
    form_page = client.get(_link_in(message))
    assert form_page.status_code == 200
    assert form_page.context["form"].initial["full_name"] == "Amira Hansen"


def test_the_email_is_written_in_danish_with_the_expiry_date(
        coordinator, django_capture_on_commit_callbacks):
    # given the tests otherwise run in English
    assert translation.get_language() == "en"
    # when
    invitation, _link = _invite(coordinator, django_capture_on_commit_callbacks)
    # then the date is written the Danish way: the portal's default language
    expires_on = timezone.localdate(invitation.expires_at)
    with translation.override("da"):
        danish_date = formats.date_format(expires_on, "DATE_FORMAT")
    assert danish_date in mail.outbox[0].body
    assert (invitation.expires_at - timezone.now()).days in (13, 14)


def test_accepting_creates_the_account_and_profile_and_logs_in(
        client, coordinator, municipality, django_capture_on_commit_callbacks):
    # given
    organisation = OrganisationFactory(municipality=municipality)
    invitation, link = _invite(coordinator, django_capture_on_commit_callbacks,
                               organisation=organisation)
    # when
    response = client.post(link, _accept_data(full_name="Amira B. Hansen"))
    # then the volunteer is logged in and sent to their profile
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:profile")
    user = User.objects.get(email="amira@example.org")
    assert int(client.session["_auth_user_id"]) == user.pk
    assert user.is_volunteer and not user.is_portal_staff
    assert user.full_name == "Amira B. Hansen"
    assert user.municipality == municipality
    assert user.check_password(NEW_PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("amira@example.org", True,
                                                                   True)
    profile = VolunteerProfile.objects.get(user=user)
    assert profile.status == "pending"
    assert profile.organisation == organisation
    invitation.refresh_from_db()
    assert invitation.accepted_at is not None
    assert invitation.accepted_user == user
    # and the profile page says the coordinator approves them
    page = client.get(response["Location"]).content.decode()
    assert "will approve you" in page


def test_the_new_volunteer_can_log_in_with_the_chosen_password(
        client, coordinator, django_capture_on_commit_callbacks):
    # given
    _invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    client.post(link, _accept_data())
    client.logout()
    # when
    response = client.post(reverse("account_login"),
                           {"login": "amira@example.org", "password": NEW_PASSWORD})
    # then
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_an_expired_link_says_so_and_creates_no_account(
        client, coordinator, municipality, django_capture_on_commit_callbacks):
    # given an invitation whose 14 days have run out
    invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    VolunteerInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1))
    # when the invitee opens it, and even posts the form
    opened = client.get(link)
    posted = client.post(link, _accept_data())
    # then both say the invitation expired and whom to contact; nothing is created
    for response in (opened, posted):
        assert response.status_code == 410
        content = response.content.decode()
        assert "The invitation has expired." in content
        assert municipality.contact_email in content
    assert not User.objects.filter(email="amira@example.org").exists()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


def test_a_used_link_says_so_and_makes_no_second_account(
        client, coordinator, django_capture_on_commit_callbacks):
    # given the invitee accepted and logged out
    _invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    client.post(link, _accept_data())
    client.logout()
    # when the link is used again
    opened = client.get(link)
    posted = client.post(link, _accept_data(full_name="Someone Else"))
    # then
    for response in (opened, posted):
        assert response.status_code == 410
        assert "already been used" in response.content.decode()
    assert User.objects.filter(email="amira@example.org").count() == 1
    assert User.objects.get(email="amira@example.org").full_name == "Amira Hansen"


def test_a_double_submit_with_a_stale_invitation_makes_one_account(
        coordinator, django_capture_on_commit_callbacks):
    # given two requests that both loaded the invitation before either accepted it
    invitation, _link = _invite(coordinator, django_capture_on_commit_callbacks)
    first = VolunteerInvitation.objects.get(pk=invitation.pk)
    second = VolunteerInvitation.objects.get(pk=invitation.pk)
    services.volunteer_invitation_accept(invitation=first, full_name="Amira Hansen",
                                         password=NEW_PASSWORD)
    # when the second goes through
    with pytest.raises(services.ValidationError) as refused:
        services.volunteer_invitation_accept(invitation=second, full_name="Amira Hansen",
                                             password=NEW_PASSWORD)
    # then the conditional update stopped it
    assert refused.value.code == "invitation_closed"
    assert User.objects.filter(email="amira@example.org").count() == 1
    assert VolunteerProfile.objects.count() == 1


def test_opening_the_link_again_after_accepting_goes_to_the_profile(
        client, coordinator, django_capture_on_commit_callbacks):
    _invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    client.post(link, _accept_data())
    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:profile")


def test_a_withdrawn_link_says_so_and_leaves_the_list(
        client, coordinator, django_capture_on_commit_callbacks):
    # given
    invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    client.force_login(coordinator)
    # when the coordinator withdraws it
    response = client.post(reverse("volunteers:invitation_withdraw", args=[invitation.pk]))
    # then it is gone from the list
    assert response.status_code == 302
    assert client.get(response["Location"]).context["invitations"] == []
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    # and the link says it was withdrawn
    client.logout()
    opened = client.get(link)
    assert opened.status_code == 410
    assert "has been withdrawn" in opened.content.decode()
    assert client.post(link, _accept_data()).status_code == 410
    assert not User.objects.filter(email="amira@example.org").exists()


def test_sending_again_draws_a_new_link_and_the_old_one_stops_working(
        client, coordinator, django_capture_on_commit_callbacks):
    # given an invitation that has expired
    invitation, old_link = _invite(coordinator, django_capture_on_commit_callbacks)
    VolunteerInvitation.objects.filter(pk=invitation.pk).update(
        expires_at=timezone.now() - datetime.timedelta(days=1))
    client.force_login(coordinator)
    assert "Expired" in client.get(reverse("volunteers:coordination")).content.decode()
    # when the coordinator sends it again
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:invitation_resend", args=[invitation.pk]))
    # then a second e-mail with a new link, valid for 14 more days
    assert response.status_code == 302
    assert len(mail.outbox) == 2
    new_link = _link_in(mail.outbox[1])
    assert new_link != old_link
    invitation.refresh_from_db()
    assert invitation.expires_at > timezone.now() + datetime.timedelta(days=13)
    # and only the new link works
    client.logout()
    assert client.get(old_link).status_code == 404
    assert client.get(new_link).status_code == 200


def test_an_unknown_token_is_404(client):
    response = client.get(reverse("volunteers:invitation_accept", args=["not-a-real-token"]))
    assert response.status_code == 404
    assert "The link is not valid" in response.content.decode()


def test_an_address_that_already_has_an_account_is_refused(client, coordinator, municipality):
    # given an account in another municipality (e-mail addresses are unique in the portal)
    UserFactory(email="taken@example.org", municipality=MunicipalityFactory())
    client.force_login(coordinator)
    # when
    response = client.post(reverse("volunteers:invitation_create"),
                           {"email": "TAKEN@example.org", "full_name": "Ib Holm"})
    # then an error on the e-mail field, the name kept, nothing sent
    assert response.status_code == 200
    assert "already belongs to an account" in response.context["form"].errors["email"][0]
    assert 'value="Ib Holm"' in response.content.decode()
    assert not VolunteerInvitation.objects.exists()
    assert mail.outbox == []


def test_a_second_invitation_to_a_waiting_address_is_refused_and_send_again_offered(
        client, coordinator, django_capture_on_commit_callbacks):
    # given
    invitation, _link = _invite(coordinator, django_capture_on_commit_callbacks)
    client.force_login(coordinator)
    # when
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("volunteers:invitation_create"),
                               {"email": "amira@example.org", "full_name": "Amira Hansen"})
    # then
    assert response.status_code == 200
    assert "already waiting for an answer" in response.context["form"].errors["email"][0]
    assert response.context["waiting_invitation"] == invitation
    content = response.content.decode()
    assert reverse("volunteers:invitation_resend", args=[invitation.pk]) in content
    assert VolunteerInvitation.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_withdrawn_address_can_be_invited_anew(coordinator,
                                                 django_capture_on_commit_callbacks):
    invitation, _link = _invite(coordinator, django_capture_on_commit_callbacks)
    services.volunteer_invitation_withdraw(invitation=invitation, actor=coordinator)
    _invite(coordinator, django_capture_on_commit_callbacks)
    assert VolunteerInvitation.objects.count() == 2


def test_a_password_mismatch_keeps_the_name_typed(client, coordinator,
                                                  django_capture_on_commit_callbacks):
    # given
    _invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    # when
    response = client.post(link, _accept_data(full_name="Amira Bakr Hansen",
                                              password_repeat=NEW_PASSWORD + "x"))
    # then the error sits on the repeat field and the typed name is still there
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["password_repeat"] == ["The two passwords are not the same."]
    assert 'value="Amira Bakr Hansen"' in response.content.decode()
    assert not User.objects.filter(email="amira@example.org").exists()


def test_a_weak_password_is_refused_on_its_field(client, coordinator,
                                                 django_capture_on_commit_callbacks):
    _invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    response = client.post(link, _accept_data(password="12345678", password_repeat="12345678"))
    assert response.status_code == 200
    assert response.context["form"].errors["password"]
    assert not User.objects.filter(email="amira@example.org").exists()


def test_a_logged_in_user_is_asked_to_log_out_first(client, coordinator, caseworker,
                                                    django_capture_on_commit_callbacks):
    # given
    invitation, link = _invite(coordinator, django_capture_on_commit_callbacks)
    client.force_login(caseworker)
    # when
    opened = client.get(link)
    posted = client.post(link, _accept_data())
    # then
    assert "log out first" in opened.content.decode()
    assert "log out first" in posted.content.decode()
    invitation.refresh_from_db()
    assert invitation.accepted_at is None
    assert not User.objects.filter(email="amira@example.org").exists()


def test_a_mail_server_failure_keeps_the_invitation_for_sending_again(
        coordinator, monkeypatch, django_capture_on_commit_callbacks):
    # given a mail server that refuses
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    # when / then the caller learns of it after the commit
    with pytest.raises(services.InvitationMailFailed), \
            django_capture_on_commit_callbacks(execute=True):
        services.volunteer_invite(actor=coordinator, email="amira@example.org",
                                  full_name="Amira Hansen")
    # and the invitation waits, to be sent again
    assert VolunteerInvitation.objects.pending().count() == 1


def test_a_volunteer_gets_404_on_the_invitation_pages(client, volunteer, coordinator,
                                                      django_capture_on_commit_callbacks):
    invitation, _link = _invite(coordinator, django_capture_on_commit_callbacks)
    client.force_login(volunteer)
    assert client.get(reverse("volunteers:invitation_create")).status_code == 404
    assert client.post(reverse("volunteers:invitation_resend",
                               args=[invitation.pk])).status_code == 404
    assert client.post(reverse("volunteers:invitation_withdraw",
                               args=[invitation.pk])).status_code == 404


def test_a_caseworker_without_the_coordinator_role_gets_403(client, caseworker):
    client.force_login(caseworker)
    assert client.get(reverse("volunteers:invitation_create")).status_code == 403


def test_another_municipalitys_coordinator_cannot_touch_the_invitation(
        client, coordinator, other_municipality, django_capture_on_commit_callbacks):
    # given
    invitation, _link = _invite(coordinator, django_capture_on_commit_callbacks)
    other = UserFactory(municipality=other_municipality, coordinator=True)
    client.force_login(other)
    # when / then
    assert client.post(reverse("volunteers:invitation_resend",
                               args=[invitation.pk])).status_code == 404
    assert client.post(reverse("volunteers:invitation_withdraw",
                               args=[invitation.pk])).status_code == 404
    assert "amira@example.org" not in client.get(
        reverse("volunteers:coordination")).content.decode()
    invitation.refresh_from_db()
    assert invitation.revoked_at is None


def test_an_organisation_of_another_municipality_cannot_be_chosen(client, coordinator,
                                                                  other_municipality):
    foreign = OrganisationFactory(municipality=other_municipality)
    client.force_login(coordinator)
    response = client.post(reverse("volunteers:invitation_create"), {
        "email": "amira@example.org", "full_name": "Amira", "organisation": foreign.pk})
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not VolunteerInvitation.objects.exists()


def test_an_anonymous_user_is_sent_to_login_from_the_invitation_form(client):
    response = client.get(reverse("volunteers:invitation_create"))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.django_db(transaction=True)
def test_in_a_real_commit_the_mail_leaves_and_a_mail_failure_is_shown_to_the_coordinator(
        client, coordinator, monkeypatch):
    # given real commits (no test transaction around the request)
    client.force_login(coordinator)
    url = reverse("volunteers:invitation_create")
    # when an invitation is sent
    response = client.post(url, {"email": "amira@example.org", "full_name": "Amira"})
    # then the e-mail left when the request's transaction committed
    assert response.status_code == 302
    assert len(mail.outbox) == 1

    # given a mail server that refuses
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("gone")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    # when another invitation is sent
    response = client.post(url, {"email": "bo@example.org", "full_name": "Bo"}, follow=True)
    # then the coordinator is told, and the invitation waits to be sent again
    assert "could not be sent" in response.content.decode()
    assert VolunteerInvitation.objects.pending().filter(email="bo@example.org").exists()
