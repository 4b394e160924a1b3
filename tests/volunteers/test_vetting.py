"""The coordinator's page of one volunteer: vetting, approval, pause, end, tasks and hours."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from integration_portal.audit.models import AuditEvent
from tests.factories import UserFactory
from tests.volunteers.factories import (
    OrganisationFactory,
    TaskFactory,
    VolunteerProfileFactory,
)
from volunteers import services
from volunteers.models import HoursLog, VolunteerInvitation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def pending_profile(volunteer):
    return VolunteerProfileFactory(user=volunteer, status="pending", agreement_signed_on=None,
                                   boerneattest_obtained_on=None,
                                   boerneattest_no_concerns=False)


def _detail(profile) -> str:
    return reverse("volunteers:volunteer_detail", args=[profile.pk])


def test_a_coordinator_records_the_vetting_and_the_audit_names_only_the_fields(
        client, coordinator, municipality, pending_profile):
    # given
    organisation = OrganisationFactory(municipality=municipality)
    client.force_login(coordinator)
    # when
    response = client.post(_detail(pending_profile), {
        "agreement_signed_on": "2026-02-01", "boerneattest_obtained_on": "2026-02-10",
        "boerneattest_no_concerns": "on", "courses": "Førstehjælp\n\nIntroduktion til Frivillignet",
        "organisation": organisation.pk,
    })
    # then
    assert response.status_code == 302
    assert response["Location"] == _detail(pending_profile)
    pending_profile.refresh_from_db()
    assert pending_profile.agreement_signed_on == datetime.date(2026, 2, 1)
    assert pending_profile.boerneattest_obtained_on == datetime.date(2026, 2, 10)
    assert pending_profile.boerneattest_no_concerns is True
    assert pending_profile.courses == ["Førstehjælp", "Introduktion til Frivillignet"]
    assert pending_profile.organisation == organisation
    event = AuditEvent.objects.filter(object_type="volunteers.volunteerprofile").latest("pk")
    assert event.changed_fields == sorted([
        "agreement_signed_on", "boerneattest_obtained_on", "boerneattest_no_concerns",
        "courses", "organisation"])
    # the values themselves (criminal-record data, GDPR art. 10) are not in the log
    assert "2026" not in event.summary


def test_no_concerns_needs_a_date_and_nothing_typed_is_lost(client, coordinator,
                                                            pending_profile):
    # given
    client.force_login(coordinator)
    # when
    response = client.post(_detail(pending_profile), {
        "agreement_signed_on": "2026-02-01", "boerneattest_no_concerns": "on",
        "courses": "Førstehjælp",
    })
    # then the error sits on the certificate date, and the rest is still in the form
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["boerneattest_obtained_on"] == [
        "Enter the date the child certificate was obtained."]
    content = response.content.decode()
    assert 'value="2026-02-01"' in content
    assert "Førstehjælp" in content
    pending_profile.refresh_from_db()
    assert pending_profile.agreement_signed_on is None
    assert pending_profile.courses == []


def test_dates_in_the_future_are_refused(coordinator, pending_profile):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(services.ValidationError) as refused:
        services.volunteer_vet(profile=pending_profile, actor=coordinator,
                               agreement_signed_on=tomorrow, boerneattest_obtained_on=tomorrow,
                               boerneattest_no_concerns=True, courses=[], organisation=None)
    assert set(refused.value.error_dict) == {"agreement_signed_on", "boerneattest_obtained_on"}
    pending_profile.refresh_from_db()
    assert pending_profile.agreement_signed_on is None


def test_an_organisation_of_another_municipality_is_refused(coordinator, pending_profile,
                                                            other_municipality):
    foreign = OrganisationFactory(municipality=other_municipality)
    with pytest.raises(services.ValidationError) as refused:
        services.volunteer_vet(profile=pending_profile, actor=coordinator,
                               agreement_signed_on=None, boerneattest_obtained_on=None,
                               boerneattest_no_concerns=False, courses=[],
                               organisation=foreign)
    assert "organisation" in refused.value.error_dict


def test_the_page_shows_the_renewal_date_of_the_child_certificate(client, coordinator,
                                                                  volunteer):
    # given a certificate obtained 1 March 2026 and the default 24-month interval
    profile = VolunteerProfileFactory(user=volunteer,
                                      boerneattest_obtained_on=datetime.date(2026, 3, 1))
    client.force_login(coordinator)
    # when
    response = client.get(_detail(profile))
    # then
    assert response.context["renewal_due_on"] == datetime.date(2028, 3, 1)
    assert "must be renewed by" in response.content.decode()


def test_approving_from_the_volunteers_page_returns_to_it(client, coordinator,
                                                          pending_profile):
    client.force_login(coordinator)
    response = client.post(reverse("volunteers:volunteer_approve", args=[pending_profile.pk]),
                           {"next": _detail(pending_profile)})
    assert response["Location"] == _detail(pending_profile)
    pending_profile.refresh_from_db()
    assert pending_profile.status == "active"


def test_approving_does_not_follow_a_next_to_another_site(client, coordinator,
                                                          pending_profile):
    client.force_login(coordinator)
    response = client.post(reverse("volunteers:volunteer_approve", args=[pending_profile.pk]),
                           {"next": "https://evil.example/"})
    assert response["Location"] == reverse("volunteers:coordination")


def test_a_coordinator_pauses_an_active_volunteer_and_the_approval_is_withdrawn(
        client, coordinator, volunteer):
    # given
    profile = VolunteerProfileFactory(user=volunteer, approved_by=coordinator,
                                      approved_at=timezone.now())
    client.force_login(coordinator)
    # when
    response = client.post(reverse("volunteers:volunteer_pause", args=[profile.pk]))
    # then
    assert response["Location"] == _detail(profile)
    profile.refresh_from_db()
    assert profile.status == "paused"
    assert profile.approved_at is None
    assert AuditEvent.objects.filter(summary="Volunteer paused").exists()


def test_ending_a_volunteer_puts_their_unfinished_tasks_back_on_the_board(
        client, coordinator, municipality, volunteer):
    # given one taken and one done task
    profile = VolunteerProfileFactory(user=volunteer)
    taken = TaskFactory(municipality=municipality, status="claimed", claimed_by=volunteer,
                        claimed_at=timezone.now())
    done = TaskFactory(municipality=municipality, status="done", claimed_by=volunteer,
                       claimed_at=timezone.now())
    client.force_login(coordinator)
    # when
    response = client.post(reverse("volunteers:volunteer_end", args=[profile.pk]), follow=True)
    # then
    profile.refresh_from_db()
    assert profile.status == "ended"
    taken.refresh_from_db()
    done.refresh_from_db()
    assert (taken.status, taken.claimed_by) == ("open", None)
    assert (done.status, done.claimed_by) == ("done", volunteer)
    assert "1 task they had taken is back on the board." in response.content.decode()
    # and ending twice is refused
    with pytest.raises(services.ValidationError):
        services.volunteer_end(profile=profile, actor=coordinator)


def test_the_page_lists_the_volunteers_tasks_and_total_hours(client, coordinator,
                                                             municipality, volunteer):
    # given
    profile = VolunteerProfileFactory(user=volunteer)
    first = TaskFactory(municipality=municipality, title="Cykeltur", status="claimed",
                        claimed_by=volunteer, claimed_at=timezone.now())
    second = TaskFactory(municipality=municipality, title="Lektiehjælp", status="done",
                         claimed_by=volunteer, claimed_at=timezone.now())
    today = timezone.localdate()
    HoursLog.objects.create(task=first, volunteer=volunteer, date=today, hours=Decimal("2"))
    HoursLog.objects.create(task=first, volunteer=volunteer, date=today, hours=Decimal("1.5"))
    HoursLog.objects.create(task=second, volunteer=volunteer, date=today, hours=Decimal("3"))
    TaskFactory(municipality=municipality, title="Someone else's task")
    client.force_login(coordinator)
    # when
    response = client.get(_detail(profile))
    # then
    hours = {task.title: task.volunteer_hours for task in response.context["tasks"]}
    assert hours == {"Cykeltur": Decimal("3.5"), "Lektiehjælp": Decimal("3")}
    assert response.context["total_hours"] == Decimal("6.5")
    assert "Hours logged in all: 6.5" in response.content.decode()


def test_each_name_on_the_coordination_page_links_to_the_volunteers_page(
        client, coordinator, volunteer):
    profile = VolunteerProfileFactory(user=volunteer)
    client.force_login(coordinator)
    content = client.get(reverse("volunteers:coordination")).content.decode()
    assert f'href="{_detail(profile)}"' in content


def test_a_volunteer_gets_404_on_the_coordinators_pages(client, volunteer):
    profile = VolunteerProfileFactory(user=volunteer)
    client.force_login(volunteer)
    assert client.get(_detail(profile)).status_code == 404
    assert client.post(reverse("volunteers:volunteer_pause",
                               args=[profile.pk])).status_code == 404
    assert client.post(reverse("volunteers:volunteer_end", args=[profile.pk])).status_code == 404


def test_a_caseworker_without_the_coordinator_role_gets_403(client, caseworker, volunteer):
    profile = VolunteerProfileFactory(user=volunteer)
    client.force_login(caseworker)
    assert client.get(_detail(profile)).status_code == 403
    assert client.post(_detail(profile), {"courses": "x"}).status_code == 403
    assert client.post(reverse("volunteers:volunteer_end", args=[profile.pk])).status_code == 403


def test_another_municipalitys_coordinator_gets_404(client, volunteer, other_municipality):
    # given
    profile = VolunteerProfileFactory(user=volunteer)
    client.force_login(UserFactory(municipality=other_municipality, coordinator=True))
    # when / then
    assert client.get(_detail(profile)).status_code == 404
    assert client.post(reverse("volunteers:volunteer_pause",
                               args=[profile.pk])).status_code == 404
    assert client.post(reverse("volunteers:volunteer_end", args=[profile.pk])).status_code == 404
    profile.refresh_from_db()
    assert profile.status == "active"


def _fill(municipality, coordinator, count: int, *, start: int = 0) -> None:
    """`count` volunteers, invitations and open tasks, numbered from `start`."""
    for n in range(start, start + count):
        profile = VolunteerProfileFactory(
            user=UserFactory(municipality=municipality, volunteer=True),
            status="pending" if n % 2 else "active",
            organisation=OrganisationFactory(municipality=municipality) if n % 3 == 0 else None,
        )
        TaskFactory(municipality=municipality, claimed_by=None)
        VolunteerInvitation.objects.create(
            municipality=municipality, email=f"invited{n}@example.org", full_name=f"Inv {n}",
            token_hash=f"{n:064d}", invited_by=coordinator,
            organisation=profile.organisation,
            expires_at=timezone.now() + datetime.timedelta(days=-1 if n % 2 else 7),
        )


@pytest.mark.parametrize("count", [2, 20])
def test_the_coordination_page_costs_a_fixed_number_of_queries(
        client, coordinator, municipality, count, django_assert_max_num_queries):
    # given
    _fill(municipality, coordinator, count)
    client.force_login(coordinator)
    # when / then
    with django_assert_max_num_queries(12):
        response = client.get(reverse("volunteers:coordination"))
    assert len(response.context["invitations"]) == count
    assert len(response.context["profiles"]) == count


def test_the_coordination_page_does_not_grow_with_its_rows(client, coordinator, municipality,
                                                           django_assert_num_queries):
    # given 2 of each
    _fill(municipality, coordinator, 2)
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("volunteers:coordination"))
    # when there are 20 more
    _fill(municipality, coordinator, 20, start=2)
    # then the page costs exactly as much
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(reverse("volunteers:coordination"))


@pytest.mark.parametrize("count", [2, 20])
def test_the_volunteers_page_costs_a_fixed_number_of_queries(
        client, coordinator, municipality, volunteer, count, django_assert_max_num_queries):
    profile = VolunteerProfileFactory(user=volunteer)
    for _ in range(count):
        task = TaskFactory(municipality=municipality, status="claimed", claimed_by=volunteer,
                           claimed_at=timezone.now())
        HoursLog.objects.create(task=task, volunteer=volunteer, date=timezone.localdate(),
                                hours=Decimal("1"))
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(_detail(profile))
    assert len(response.context["tasks"]) == count
