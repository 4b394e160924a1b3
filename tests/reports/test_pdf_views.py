"""The PDF report pages: only managers ask and download, only their municipality's reports."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from integration_portal.audit.models import AuditAction, AuditEvent
from integration_portal.reports import tasks
from integration_portal.reports.models import Report, ReportStatus

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.7 a report"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def enqueued(monkeypatch):
    ids: list[int] = []
    monkeypatch.setattr(tasks.report_generate_task, "delay", ids.append)
    return ids


def _report(user, *, status=ReportStatus.DONE, **fields) -> Report:
    report = Report.objects.create(
        municipality=user.municipality, requested_by=user, status=status,
        period_start=datetime.date(2026, 1, 1), period_end=datetime.date(2026, 6, 30), **fields)
    if status == ReportStatus.DONE:
        report.file.save("rapport.pdf", ContentFile(PDF), save=False)
        report.file_size = len(PDF)
        report.save()
    return report


def _form(**overrides):
    return {"start": "2026-01-01", "end": "2026-06-30", "language": "en", **overrides}


# --- who may -------------------------------------------------------------------------------

@pytest.mark.parametrize(("role", "expected"), [
    ("caseworker", 403), ("coordinator", 403), ("volunteer", 404),
])
@pytest.mark.parametrize("view", ["list", "request", "status", "download"])
def test_only_managers_reach_the_pdf_reports(client, request, manager, role, expected, view,
                                             enqueued):
    # given
    report = _report(manager)
    client.force_login(request.getfixturevalue(role))

    # when
    if view == "list":
        response = client.get(reverse("reports:pdf_list"))
    elif view == "request":
        response = client.post(reverse("reports:pdf_request"), _form())
    else:
        response = client.get(reverse(f"reports:pdf_{view}", args=[report.pk]))

    # then
    assert response.status_code == expected
    assert Report.objects.count() == 1
    assert enqueued == []


def test_an_anonymous_visitor_is_sent_to_log_in(client):
    response = client.get(reverse("reports:pdf_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("view", ["status", "download"])
def test_another_municipalitys_report_does_not_exist(client, manager, other_manager, view):
    report = _report(other_manager)
    client.force_login(manager)

    response = client.get(reverse(f"reports:pdf_{view}", args=[report.pk]))

    assert response.status_code == 404


# --- asking for a report ---------------------------------------------------------------------

def test_the_list_offers_the_form_and_lists_the_municipalitys_reports(
    client, manager, other_manager, django_assert_max_num_queries
):
    # given
    for _ in range(3):
        _report(manager)
    _report(manager, status=ReportStatus.RUNNING, progress=1, progress_total=4)
    _report(other_manager)
    client.force_login(manager)

    # when
    with django_assert_max_num_queries(6):
        response = client.get(reverse("reports:pdf_list"))

    # then
    assert response.status_code == 200
    page = response.context["page"]
    assert page.paginator.count == 4
    content = response.content.decode()
    assert 'name="start"' in content and 'name="language"' in content
    assert content.count("/download/") == 3
    assert manager.full_name in content
    assert "17\xa0bytes" in content


def test_a_manager_asks_for_a_report_and_is_taken_to_its_progress(
    client, manager, enqueued, django_capture_on_commit_callbacks
):
    client.force_login(manager)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:pdf_request"), _form())

    report = Report.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:pdf_status", args=[report.pk])
    assert (report.language, report.period_end) == ("en", datetime.date(2026, 6, 30))
    assert enqueued == [report.pk]


def test_a_bad_period_is_shown_on_the_form_and_nothing_is_asked(client, manager, enqueued):
    client.force_login(manager)

    response = client.post(reverse("reports:pdf_request"),
                           _form(start="2026-06-30", end="2026-01-01"))

    assert response.status_code == 200
    assert response.context["form"].errors["end"]
    assert not Report.objects.exists()


# --- following it ----------------------------------------------------------------------------

def test_the_status_page_shows_a_progress_bar_that_polls(client, manager):
    report = _report(manager, status=ReportStatus.RUNNING, progress=2, progress_total=4)
    client.force_login(manager)

    response = client.get(reverse("reports:pdf_status", args=[report.pk]))

    content = response.content.decode()
    assert 'role="status"' in content and 'aria-live="polite"' in content
    assert '<progress id="report-progress-bar" max="100" value="48"' in content
    assert 'hx-trigger="every 1s"' in content
    assert "2 of 4 parts done" in content


def test_polling_while_nothing_changed_swaps_nothing(client, manager):
    report = _report(manager, status=ReportStatus.RUNNING, progress=2, progress_total=4)
    client.force_login(manager)

    response = client.get(reverse("reports:pdf_status", args=[report.pk]),
                          {"status": "running", "progress": "2"}, HTTP_HX_REQUEST="true")

    assert response.status_code == 204


def test_polling_after_the_report_is_ready_gets_the_download_link(client, manager):
    report = _report(manager)
    client.force_login(manager)

    response = client.get(reverse("reports:pdf_status", args=[report.pk]),
                          {"status": "running", "progress": "3"}, HTTP_HX_REQUEST="true")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in content  # the fragment only
    assert reverse("reports:pdf_download", args=[report.pk]) in content
    assert "hx-trigger" not in content  # polling stops


def test_a_failed_report_says_so(client, manager):
    report = _report(manager, status=ReportStatus.FAILED, error="ZeroDivisionError: x")
    client.force_login(manager)

    response = client.get(reverse("reports:pdf_status", args=[report.pk]),
                          {"status": "running", "progress": "1"}, HTTP_HX_REQUEST="true")

    content = response.content.decode()
    assert "The report could not be built." in content
    assert "ZeroDivisionError" not in content  # for the administrator, not the page
    assert "/download/" not in content


# --- downloading it --------------------------------------------------------------------------

def test_the_download_is_an_attachment_and_audit_logged(client, manager):
    # given
    report = _report(manager, language="en")
    client.force_login(manager)

    # when
    response = client.get(reverse("reports:pdf_download", args=[report.pk]))

    # then
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="report-2026-01-01-2026-06-30.pdf"')
    assert "no-store" in response["Cache-Control"]
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert (event.actor, event.object_id) == (manager, str(report.pk))


def test_a_report_not_yet_built_cannot_be_downloaded(client, manager):
    report = _report(manager, status=ReportStatus.RUNNING)
    client.force_login(manager)

    response = client.get(reverse("reports:pdf_download", args=[report.pk]))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()
