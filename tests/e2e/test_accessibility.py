"""Every page passes an axe scan with no serious or critical finding (WCAG 2.1 AA).

The pages are found by crawling: from each role's start page every same-site link is
followed, so a new page is scanned as soon as it is linked from somewhere.
"""

from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest

from tests.e2e.axe import blocking_findings

pytestmark = pytest.mark.e2e

MAX_PAGES_PER_ROLE = 60
NOT_CRAWLED = ("/accounts/logout/", "/admin/", "/i18n/", "/static/", "/media/", "/healthz",
               "/api/")
# Links that answer with a file, not a page. The PDF reports' own pages (/reports/pdf/,
# /reports/pdf/<id>/) are pages and are crawled; only the files themselves are skipped.
DOWNLOADS = ("/documents/", "/download/", "/csv/", "/personal-data.")
DOWNLOAD_ENDINGS = ("/summary/pdf/", "/letters/print/pdf/")
PUBLIC_PAGES = ["/accounts/login/", "/accounts/password/reset/", "/accounts/signup/",
                "/accessibility/", "/health/"]


def _links(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.getAttribute('href'))")
    found = []
    for href in hrefs:
        url = urljoin(page.url, href)
        parts = urlsplit(url)
        if f"{parts.scheme}://{parts.netloc}" != base or parts.path.startswith(NOT_CRAWLED):
            continue
        if any(marker in parts.path for marker in DOWNLOADS) or (
            parts.path.endswith(DOWNLOAD_ENDINGS)
            or (parts.path.startswith("/cases/letters/") and parts.path.endswith("/pdf/"))
        ):
            continue
        found.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return found


def _scan(page, base: str, start_paths: list[str], follow: bool) -> tuple[dict, set[str]]:
    findings: dict[str, list] = {}
    queue, seen = deque(start_paths), set(start_paths)
    while queue and len(seen) <= MAX_PAGES_PER_ROLE:
        path = queue.popleft()
        page.goto(base + path)
        page.wait_for_load_state()
        blocking = blocking_findings(page)
        if blocking:
            findings[path] = blocking
        if follow:
            for link in _links(page, base):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
    assert seen, "nothing was scanned"
    return findings, seen


def _use_language(page, base: str, language: str) -> None:
    page.context.add_cookies([{"name": "django_language", "value": language, "url": base}])


@pytest.mark.parametrize("language", ["da", "en"])
def test_public_pages_pass_axe(page, live_server, people, language):
    _use_language(page, live_server.url, language)

    findings, _ = _scan(page, live_server.url, PUBLIC_PAGES, follow=False)

    assert findings == {}


@pytest.fixture
def arrived_case(people, monkeypatch):
    """A case with persons, milestones and a journal note, so case pages are crawled too."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from reception import services

    monkeypatch.setattr(services, "enqueue_on_commit", lambda task, *args: None)
    caseworker = people["caseworker"]
    today = timezone.localdate()
    household = services.notice_register(
        municipality=caseworker.municipality, actor=caseworker, source="email",
        source_reference="US-1", received_on=today, expected_arrival_date=today,
        residence_basis="asylum_refugee", placement_decision_date=today.replace(day=1),
        adults=1, children_0_5=0, children_6_14=1, children_15_17=0, languages=["ar"],
        need_flags=[], note="",
    )
    services.household_assign_caseworker(household=household, actor=caseworker,
                                         caseworker=caseworker)
    for first, birth in (("Ahmad", today.replace(year=today.year - 40)),
                         ("Omar", today.replace(year=today.year - 9))):
        services.person_add(household=household, actor=caseworker,
                            relation="applicant" if first == "Ahmad" else "child",
                            first_name=first, last_name="Al-Hassan", birth_date=birth,
                            residence_basis="asylum_refugee", letter_language="ar",
                            languages=["ar"])
    services.household_mark_arrived(household=household, actor=caseworker, arrival_date=today)
    services.journal_note_add(household=household, actor=caseworker, text="Første samtale.")
    services.document_upload(household=household, actor=caseworker, document_type="other",
                             uploaded_file=SimpleUploadedFile("a.pdf", b"%PDF-1.4 x"))
    return household


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("role", ["caseworker", "coordinator", "manager", "volunteer"])
def test_every_page_a_role_reaches_passes_axe(page, live_server, people, arrived_case, login,
                                              role, language):
    # given a logged-in user of the role, in the language
    _use_language(page, live_server.url, language)
    login(people[role])

    # when every page reachable from their start page is scanned
    findings, scanned = _scan(page, live_server.url, [urlsplit(page.url).path], follow=True)

    # then none has a serious or critical finding
    assert findings == {}
    # and the crawl did reach the case pages of roles that read cases
    case_page = f"/cases/{arrived_case.pk}/"
    if role == "volunteer":
        assert not any(path.startswith("/cases/") for path in scanned)
    else:
        assert case_page in scanned
        assert any(path.startswith(f"{case_page}persons/") for path in scanned)
