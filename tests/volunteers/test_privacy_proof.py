"""Proof of the privacy wall: nothing a volunteer can open shows a citizen's data.

A case with persons and a task posted from it; the volunteer takes the task, signs up for a
meeting, fetches their calendar feed and opens every page they can reach. None of the case's
personal data may appear in any response, and every case, person, document and letter URL
answers 404.
"""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from reception import services as reception_services
from reception.models import Letter
from tests.factories import HouseholdFactory, PersonFactory
from tests.volunteers.factories import EventFactory, TaskFactory
from volunteers.events import first_date

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"

PERSONS = [
    {"first_name": "Zainab", "last_name": "Qudsiyya", "cpr": "140385-1237",
     "phone": "28193746", "email": "zainab.qudsiyya@example.dk",
     "needs_note": "Har brug for kørestol ved længere gåture"},
    {"first_name": "Yusufzai", "last_name": "Haddadin", "cpr": "0207911234",
     "phone": "+45 31 72 94 05", "email": "y.haddadin@example.dk",
     "needs_note": "Diabetes, tager insulin"},
]
ADDRESS = "Kildebakken 17, 2. th., 4320 Lejre"
REFERENCE = "LEJ-2026-0917"


@pytest.fixture
def case(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, reference=REFERENCE,
                                 address=ADDRESS, status="arrived", caseworker=caseworker)
    persons = [PersonFactory(household=household, **data) for data in PERSONS]
    document = reception_services.document_upload(
        household=household, actor=caseworker, document_type="other",
        uploaded_file=SimpleUploadedFile("afgoerelse.pdf", b"%PDF-1.4 test", "application/pdf"),
    )
    letter = Letter.objects.create(household=household, kind="welcome", languages=["da", "ar"],
                                   channel="print")
    return household, persons, document, letter


@pytest.fixture
def tasks(municipality, case):
    household = case[0]
    on_board = TaskFactory(municipality=municipality, household=household,
                           title="Følgeskab til lægen", area="4320 Lejre",
                           description="Følg en voksen til lægen og hjem igen.")
    to_claim = TaskFactory(municipality=municipality, household=household,
                           title="Hjælp med møbler", involves_children_under_15=True)
    return on_board, to_claim


@pytest.fixture
def event(municipality):
    # Described without personal data, as the events form insists.
    return EventFactory(municipality=municipality, title="Åben rådgivning",
                        description="Hjælp med breve fra kommunen og Digital Post.",
                        location="Borgerservice, Hvalsø", interpreter_needed=True,
                        interpreter_languages=["ar"])


def _readable(response) -> str:
    """The response as a reader sees it: a calendar feed unfolded and unescaped, so that no
    secret hides behind a line fold or an escaped comma."""
    content = response.content.decode()
    if response["Content-Type"].startswith("text/calendar"):
        content = re.sub(r"\\(.)", lambda m: "\n" if m[1] in "nN" else m[1],
                         content.replace("\r\n ", ""))
    return content


def _secrets(household, persons) -> list[str]:
    secrets = [household.reference, household.address]
    for person in persons:
        secrets += [person.first_name, person.last_name, person.cpr, person.cpr.replace("-", ""),
                    person.phone, person.email, person.needs_note]
    return [secret for secret in secrets if secret]


def test_no_volunteer_page_shows_the_cases_personal_data(client, volunteer_profile, case,
                                                         tasks, event):
    # given an eligible volunteer who took one of the case's tasks
    household, persons, _document, _letter = case
    on_board, to_claim = tasks
    client.force_login(volunteer_profile.user)
    claim = client.post(reverse("volunteers:task_claim", args=[to_claim.pk]))
    assert claim.status_code == 302
    prefix_hours, prefix_done = f"hours-{to_claim.pk}", f"complete-{to_claim.pk}"
    today = timezone.localdate().isoformat()
    # when the volunteer opens every page they can reach, and every form shows its errors
    responses = {
        "board": client.get(reverse("volunteers:board")),
        "board filtered": client.get(reverse("volunteers:board"), {
            "area": "4320", "language": "ar", "date_from": today}),
        "board filtered to nothing": client.get(reverse("volunteers:board"),
                                                {"area": "9999"}),
        "board bad filter": client.get(reverse("volunteers:board"), {"date_from": "x"}),
        "my tasks": client.get(reverse("volunteers:my_tasks")),
        "hours error": client.post(reverse("volunteers:hours_add", args=[to_claim.pk]), {
            f"{prefix_hours}-date": today, f"{prefix_hours}-hours": "99"}),
        "hours saved": client.post(reverse("volunteers:hours_add", args=[to_claim.pk]), {
            f"{prefix_hours}-date": today, f"{prefix_hours}-hours": "2"}, follow=True),
        "report error": client.post(reverse("volunteers:task_complete", args=[to_claim.pk]), {
            f"{prefix_done}-report_text": "Done",
            f"{prefix_done}-found_language_internship": "on"}),
        "claim again": client.post(reverse("volunteers:task_claim", args=[to_claim.pk])),
        "my tasks after report": client.post(
            reverse("volunteers:task_complete", args=[to_claim.pk]),
            {f"{prefix_done}-report_text": "Møblerne er samlet."}, follow=True),
        "events": client.get(reverse("volunteers:events")),
        "event sign-up": client.post(reverse("volunteers:event_sign_up", args=[event.pk]),
                                     {"occurs_on": first_date(event).isoformat()}, follow=True),
        "event sign-up again": client.post(
            reverse("volunteers:event_sign_up", args=[event.pk]),
            {"occurs_on": first_date(event).isoformat()}),
        "calendar page": client.get(reverse("volunteers:calendar_settings")),
        "calendar feed": client.get(reverse(
            "volunteers:calendar_feed", args=[volunteer_profile.calendar_token])),
    }
    # then every page answered, and showed the tasks
    for name, response in responses.items():
        assert response.status_code == 200, name
    assert on_board.title in responses["board"].content.decode()
    assert to_claim.title in responses["my tasks"].content.decode()
    assert event.title in responses["event sign-up"].content.decode()
    feed = _readable(responses["calendar feed"])
    assert to_claim.title in feed
    assert event.title in feed
    # and none of them carries a trace of the case or its persons
    secrets = _secrets(household, persons)
    assert len(secrets) == 2 + 7 * len(persons)
    for name, response in responses.items():
        content = _readable(response)
        for secret in secrets:
            assert secret.lower() not in content.lower(), (name, secret)
        assert reverse("reception:case_detail", args=[household.pk]) not in content, name


def test_every_case_url_is_not_found_for_the_volunteer(client, volunteer_profile, case, tasks):
    # given
    household, persons, document, letter = case
    pk = household.pk
    client.force_login(volunteer_profile.user)
    get_urls = [
        reverse("reception:start"), reverse("reception:case_list"),
        reverse("reception:case_list") + f"?q={REFERENCE}",
        reverse("reception:case_audit") + f"?reference={REFERENCE}",
        reverse("reception:notice_create"),
        reverse("reception:case_detail", args=[pk]),
        reverse("reception:person_add", args=[pk]),
        reverse("reception:document_download", args=[pk, document.pk]),
        reverse("reception:letter_print_list"),
        reverse("reception:letter_download", args=[letter.pk]),
        # the staff side of volunteering, which links tasks to cases
        reverse("volunteers:task_create") + f"?household={pk}",
        reverse("volunteers:coordination"),
    ]
    for person in persons:
        get_urls += [reverse("reception:person_detail", args=[pk, person.pk]),
                     reverse("reception:person_edit", args=[pk, person.pk])]
    post_urls = [
        reverse("reception:case_arrive", args=[pk]),
        reverse("reception:case_status", args=[pk]),
        reverse("reception:case_assign", args=[pk]),
        reverse("reception:case_update", args=[pk]),
        reverse("reception:journal_add", args=[pk]),
        reverse("reception:document_upload", args=[pk]),
        reverse("reception:letter_printed", args=[letter.pk]),
        reverse("volunteers:task_create") + f"?household={pk}",
    ] + [reverse("reception:person_takeover", args=[pk, person.pk]) for person in persons]
    # when / then
    for url in get_urls:
        assert client.get(url).status_code == 404, url
    for url in post_urls:
        assert client.post(url, {"text": "x"}).status_code == 404, url
