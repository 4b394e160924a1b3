"""A manager asks for a PDF report; the task builds it once, reports its progress, stores it."""

import datetime
import io

import pytest
from django.utils import timezone
from PIL import Image
from pypdf import PdfReader

from integration_portal.audit.models import AuditAction, AuditEvent
from integration_portal.reports import services, tasks
from integration_portal.reports.models import Report, ReportStatus
from integration_portal.reports.registry import Period
from tests.factories import HouseholdFactory
from tests.letters.pdf import pdf_words
from tests.reports.sections import arrivals, empty_section, only_sections

pytestmark = pytest.mark.django_db

PERIOD = Period(start=datetime.date(2026, 1, 1), end=datetime.date(2026, 6, 30))


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def enqueued(monkeypatch):
    """The report ids the service enqueued (after commit), instead of a broker."""
    ids: list[int] = []
    monkeypatch.setattr(tasks.report_generate_task, "delay", ids.append)
    return ids


def _request(manager, *, language="da", period=PERIOD) -> Report:
    return services.report_request(municipality=manager.municipality, period=period,
                                   language=language, actor=manager)


def _text(report: Report) -> str:
    with report.file.open("rb") as stored:
        return pdf_words(stored.read())


def test_a_request_is_stored_audited_and_enqueued_after_commit(
    manager, enqueued, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True):
        report = _request(manager, language="en")

    # then
    assert report.status == ReportStatus.QUEUED
    assert (report.period_start, report.period_end) == (PERIOD.start, PERIOD.end)
    assert report.requested_by == manager and report.language == "en"
    assert enqueued == [report.pk]
    event = AuditEvent.objects.get(object_type="reports.report", object_id=str(report.pk))
    assert event.action == AuditAction.CREATE and event.actor == manager


def test_nothing_is_enqueued_before_the_transaction_commits(
    manager, enqueued, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _request(manager)

    assert enqueued == []
    assert len(callbacks) == 1


def test_asking_twice_for_the_same_unfinished_report_builds_it_once(manager, enqueued):
    first = _request(manager)

    second = _request(manager)

    assert second.pk == first.pk
    assert Report.objects.count() == 1


@pytest.mark.parametrize("role", ["caseworker", "coordinator", "volunteer", "other_manager"])
def test_only_a_manager_of_the_municipality_can_ask(request, role, municipality, enqueued):
    actor = request.getfixturevalue(role)

    with pytest.raises(PermissionError):
        services.report_request(municipality=municipality, period=PERIOD, language="da",
                                actor=actor)

    assert not Report.objects.exists()


def test_the_task_builds_and_stores_the_pdf(manager, monkeypatch, enqueued):
    # given
    only_sections(monkeypatch, arrivals, empty_section)
    report = _request(manager)

    # when
    assert tasks.report_generate_task(report.pk) is True

    # then
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    assert (report.progress, report.progress_total) == (2, 2)
    assert report.started_at is not None and report.finished_at >= report.started_at
    assert report.file.name.startswith(f"reports/{manager.municipality_id}/rapport-2026-01-01")
    with report.file.open("rb") as stored:
        content = stored.read()
    assert content.startswith(b"%PDF")
    assert report.file_size == len(content)
    assert report.error == ""


def test_a_second_run_does_nothing(manager, monkeypatch, enqueued):
    # given a report already built
    calls = only_sections(monkeypatch, arrivals)
    report = _request(manager)
    tasks.report_generate_task(report.pk)
    report.refresh_from_db()
    built = (report.file.name, report.finished_at)

    # when the task runs again (a redelivered message)
    assert tasks.report_generate_task(report.pk) is False

    # then nothing was built again
    report.refresh_from_db()
    assert (report.file.name, report.finished_at) == built
    assert len(calls) == 1


def test_the_progress_is_written_to_the_row_while_building(manager, monkeypatch, enqueued):
    # given a second section that looks at the row as the page would
    seen = []

    def looking(municipality, period):
        seen.append(Report.objects.values_list("status", "progress", "progress_total").get())
        return empty_section(municipality, period)

    only_sections(monkeypatch, arrivals, looking, empty_section)
    report = _request(manager)

    # when
    tasks.report_generate_task(report.pk)

    # then
    assert seen == [(ReportStatus.RUNNING, 1, 3)]


def test_a_failing_section_marks_the_report_failed(manager, monkeypatch, enqueued):
    # given
    def broken(municipality, period):
        raise ZeroDivisionError("no persons")

    only_sections(monkeypatch, arrivals, broken)
    report = _request(manager)

    # when
    assert tasks.report_generate_task(report.pk) is True

    # then
    report.refresh_from_db()
    assert report.status == ReportStatus.FAILED
    assert report.error == "ZeroDivisionError: no persons"
    assert report.finished_at is not None
    assert not report.file


def test_a_build_whose_worker_died_is_claimed_again_but_a_fresh_one_is_not(
    manager, monkeypatch, enqueued
):
    only_sections(monkeypatch, arrivals)
    stale, fresh = _request(manager), _request(manager, language="en")
    Report.objects.filter(pk=stale.pk).update(
        status=ReportStatus.RUNNING, started_at=timezone.now() - datetime.timedelta(hours=1))
    Report.objects.filter(pk=fresh.pk).update(status=ReportStatus.RUNNING,
                                              started_at=timezone.now())

    assert tasks.report_generate_task(stale.pk) is True
    assert tasks.report_generate_task(fresh.pk) is False

    assert Report.objects.get(pk=stale.pk).status == ReportStatus.DONE
    assert Report.objects.get(pk=fresh.pk).status == ReportStatus.RUNNING


def test_the_sweep_enqueues_reports_whose_enqueue_was_lost(manager, enqueued):
    # given one report waiting for ten minutes and one asked for just now
    lost, recent = _request(manager), _request(manager, language="en")
    Report.objects.filter(pk=lost.pk).update(
        requested_at=timezone.now() - datetime.timedelta(minutes=10))

    # when
    assert tasks.report_sweep_task() == 1

    # then
    assert enqueued == [lost.pk]
    assert recent.pk not in enqueued


def test_the_pdf_holds_the_name_the_period_and_the_figures(manager, monkeypatch, enqueued):
    # given a household that arrived in the period
    HouseholdFactory(municipality=manager.municipality, status="arrived",
                     arrival_date=datetime.date(2026, 3, 1))
    only_sections(monkeypatch, arrivals)
    report = _request(manager)

    # when
    tasks.report_generate_task(report.pk)

    # then
    report.refresh_from_db()
    text = _text(report)
    assert "Lejre" in text
    assert "1. januar 2026 – 30. juni 2026" in text
    assert "Ankomster og kvote" in text
    assert "Households arrived 1" in text
    assert "87,5 %" in text
    assert "1.234 persons" in text  # the chart's numbers, as its table
    assert "Søren Ågård" in text  # the per-caseworker table
    assert "Every task has a volunteer." in text
    assert "Side 1 af 1" in text


def test_the_pdf_is_in_the_language_chosen(manager, monkeypatch, enqueued):
    only_sections(monkeypatch, arrivals)
    danish, english = _request(manager, language="da"), _request(manager, language="en")

    tasks.report_generate_task(danish.pk)
    tasks.report_generate_task(english.pk)

    danish.refresh_from_db()
    english.refresh_from_db()
    danish_text, english_text = _text(danish), _text(english)
    assert "Periode: 1. januar 2026" in danish_text and "Side 1 af" in danish_text
    assert "Period: Jan. 1, 2026" in english_text and "Page 1 of" in english_text
    assert "1,234 persons" in english_text and "87.5 %" in english_text
    assert english.file.name.split("/")[-1].startswith("report-2026-01-01-2026-06-30")


def test_the_municipality_logo_is_embedded(manager, monkeypatch, enqueued):
    # given a logo
    buffer = io.BytesIO()
    Image.new("RGB", (120, 40), (0, 89, 179)).save(buffer, "PNG")
    from django.core.files.base import ContentFile

    manager.municipality.logo.save("lejre.png", ContentFile(buffer.getvalue()))
    only_sections(monkeypatch, arrivals)
    report = _request(manager)

    # when
    tasks.report_generate_task(report.pk)

    # then the first page carries the picture
    report.refresh_from_db()
    with report.file.open("rb") as stored:
        images = PdfReader(stored).pages[0].images
        assert [image.image.size for image in images] == [(120, 40)]


def test_a_logo_that_cannot_be_read_does_not_cost_the_report(manager, monkeypatch, enqueued):
    # given a logo row whose file is gone
    manager.municipality.logo = "logos/missing.png"
    manager.municipality.save(update_fields=["logo"])
    only_sections(monkeypatch, arrivals)
    report = _request(manager)

    tasks.report_generate_task(report.pk)

    report.refresh_from_db()
    assert report.status == ReportStatus.DONE


def test_the_sections_are_built_in_the_reports_language(manager, monkeypatch, enqueued):
    # given a builder that formats a label as it builds (as reception's month names do)
    from django.utils import translation

    languages = []

    def noting(municipality, period):
        languages.append(translation.get_language())
        return empty_section(municipality, period)

    only_sections(monkeypatch, noting)
    report = _request(manager, language="en")

    # when a worker (whose language is the default, Danish) builds it
    with translation.override("da"):
        tasks.report_generate_task(report.pk)

    # then
    assert languages == ["en"]
