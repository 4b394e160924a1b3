"""The volunteer's own profile: what they tell us, the vetting they can read, pausing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from integration_portal.audit.models import AuditEvent
from tests.factories import UserFactory
from tests.volunteers.factories import VolunteerProfileFactory
from tests.volunteers.test_privacy_wall_imports import _imported_modules
from volunteers import services
from volunteers.models import VolunteerProfile

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def approved_profile(volunteer, coordinator):
    return VolunteerProfileFactory(user=volunteer, status="active", approved_by=coordinator,
                                   approved_at=timezone.now())


def test_a_volunteer_without_a_profile_gets_one_awaiting_approval_on_first_visit(client,
                                                                                 volunteer):
    # given a volunteer account made in admin, without a profile
    assert not VolunteerProfile.objects.filter(user=volunteer).exists()
    client.force_login(volunteer)
    # when
    response = client.get(reverse("volunteers:profile"))
    # then
    assert response.status_code == 200
    profile = VolunteerProfile.objects.get(user=volunteer)
    assert profile.status == "pending"
    assert "Awaiting approval" in response.content.decode()
    # and a second visit makes no second one
    client.get(reverse("volunteers:profile"))
    assert VolunteerProfile.objects.filter(user=volunteer).count() == 1


def test_a_volunteer_saves_languages_areas_availability_and_skills(client, approved_profile):
    # given
    client.force_login(approved_profile.user)
    # when
    response = client.post(reverse("volunteers:profile"), {
        "languages": ["ar", "uk"], "other_languages": "Tyrkisk, urdu",
        "areas": "4330 Hvalsø, 4000\nRoskilde\n\n4330 hvalsø",
        "availability": "Hverdage efter kl. 16", "skills": "Cykelundervisning",
    })
    # then
    assert response.status_code == 302
    approved_profile.refresh_from_db()
    assert approved_profile.languages == ["ar", "uk", "Tyrkisk", "urdu"]
    assert approved_profile.areas == ["4330 Hvalsø", "4000", "Roskilde"]
    assert approved_profile.availability == "Hverdage efter kl. 16"
    assert approved_profile.skills == "Cykelundervisning"
    event = AuditEvent.objects.filter(object_type="volunteers.volunteerprofile").latest("pk")
    assert set(event.changed_fields) == {"languages", "areas", "availability", "skills"}
    # and the form shows it back: known languages ticked, the others as typed
    page = client.get(reverse("volunteers:profile"))
    assert page.context["form"].initial["other_languages"] == "Tyrkisk, urdu"
    assert "Arabic, Ukrainian, Tyrkisk, urdu" in page.content.decode()


def test_the_profile_form_cannot_change_the_vetting(client, volunteer):
    # given a volunteer awaiting approval
    profile = VolunteerProfileFactory(user=volunteer, status="pending",
                                      agreement_signed_on=None, boerneattest_obtained_on=None,
                                      boerneattest_no_concerns=False)
    client.force_login(volunteer)
    # when they post vetting fields along with their profile
    client.post(reverse("volunteers:profile"), {
        "skills": "Lektiehjælp", "status": "active",
        "agreement_signed_on": "2026-01-01", "boerneattest_obtained_on": "2026-01-01",
        "boerneattest_no_concerns": "on",
    })
    # then only the profile changed
    profile.refresh_from_db()
    assert profile.skills == "Lektiehjælp"
    assert profile.status == "pending"
    assert profile.agreement_signed_on is None
    assert profile.boerneattest_obtained_on is None
    assert profile.boerneattest_no_concerns is False


def test_the_vetting_is_shown_read_only_with_the_renewal_date(client, municipality,
                                                              approved_profile):
    # given a certificate obtained 1 March 2026 and a 24-month renewal interval
    approved_profile.boerneattest_obtained_on = datetime.date(2026, 3, 1)
    approved_profile.agreement_signed_on = datetime.date(2026, 2, 15)
    approved_profile.save()
    client.force_login(approved_profile.user)
    # when
    response = client.get(reverse("volunteers:profile"))
    # then
    content = response.content.decode()
    assert response.context["renewal_due_on"] == datetime.date(2028, 3, 1)
    assert 'datetime="2028-03-01"' in content
    assert 'datetime="2026-02-15"' in content
    assert "Active" in content
    # and nothing of the certificate but its dates
    assert "concerns" not in content


def test_a_volunteer_pauses_and_resumes_as_active_when_approved_before(client,
                                                                       approved_profile):
    client.force_login(approved_profile.user)
    # when
    response = client.post(reverse("volunteers:profile_pause"))
    # then
    assert response.status_code == 302
    approved_profile.refresh_from_db()
    assert approved_profile.status == "paused"
    assert approved_profile.approved_at is not None
    # when
    client.post(reverse("volunteers:profile_resume"))
    # then
    approved_profile.refresh_from_db()
    assert approved_profile.status == "active"


def test_a_paused_volunteer_never_approved_resumes_as_awaiting_approval(volunteer):
    # given
    profile = VolunteerProfileFactory(user=volunteer, status="paused", approved_at=None)
    # when
    services.volunteer_resume(profile=profile, actor=volunteer)
    # then
    profile.refresh_from_db()
    assert profile.status == "pending"


def test_after_a_coordinators_pause_the_volunteer_resumes_only_to_awaiting_approval(
        approved_profile, coordinator):
    # given the coordinator paused the volunteer
    services.volunteer_pause(profile=approved_profile, actor=coordinator)
    # when the volunteer resumes
    services.volunteer_resume(profile=approved_profile, actor=approved_profile.user)
    # then the coordinator must approve them again
    approved_profile.refresh_from_db()
    assert approved_profile.status == "pending"


def test_a_volunteer_awaiting_approval_cannot_pause_or_resume(client, volunteer):
    # given
    profile = VolunteerProfileFactory(user=volunteer, status="pending")
    client.force_login(volunteer)
    # when
    response = client.post(reverse("volunteers:profile_pause"), follow=True)
    client.post(reverse("volunteers:profile_resume"))
    # then
    assert "Only an active volunteer can be paused." in response.content.decode()
    profile.refresh_from_db()
    assert profile.status == "pending"


def test_an_ended_volunteer_cannot_resume(volunteer):
    profile = VolunteerProfileFactory(user=volunteer, status="ended")
    with pytest.raises(services.ValidationError):
        services.volunteer_resume(profile=profile, actor=volunteer)
    profile.refresh_from_db()
    assert profile.status == "ended"


def test_a_volunteer_cannot_pause_or_resume_someone_else(approved_profile, municipality):
    other = UserFactory(municipality=municipality, volunteer=True)
    with pytest.raises(PermissionError):
        services.volunteer_pause(profile=approved_profile, actor=other)
    with pytest.raises(PermissionError):
        services.volunteer_profile_update(profile=approved_profile, actor=other,
                                          languages=[], areas=[], availability="", skills="")


def test_staff_get_403_and_anonymous_users_go_to_login(client, caseworker, coordinator):
    # given / when / then
    assert client.get(reverse("volunteers:profile")).status_code == 302
    for user in (caseworker, coordinator):
        client.force_login(user)
        assert client.get(reverse("volunteers:profile")).status_code == 403
        assert client.post(reverse("volunteers:profile_pause")).status_code == 403


@pytest.mark.parametrize("module_name", ["volunteers.views.profile",
                                         "volunteers.templatetags.volunteer_profile_tags"])
def test_the_profile_pages_do_not_import_reception(module_name):
    # the volunteer's profile stands outside the privacy wall, like the task board
    imported = _imported_modules(module_name)
    assert imported
    assert not [name for name in imported
                if name == "reception" or name.startswith("reception.")]
