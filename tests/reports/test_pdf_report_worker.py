"""A real Celery worker process builds a manager's PDF report with the apps' real sections."""

import time

import pytest

from integration_portal.celery import app
from integration_portal.reports.models import Report, ReportStatus
from tests.core.test_worker import worker_queue  # noqa: F401 - the fixture
from tests.letters.pdf import pdf_words

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_real_worker_builds_the_report(worker_queue, manager):  # noqa: F811
    # given a report waiting (the worker's own MEDIA_ROOT is the development one: cleaned up)
    report = Report.objects.create(
        municipality=manager.municipality, requested_by=manager, language="en",
        period_start="2026-01-01", period_end="2026-06-30")

    # when the task is sent through the broker
    app.send_task("integration_portal.reports.tasks.report_generate_task", args=[report.pk],
                  queue=worker_queue)

    # then the worker process builds every registered section and stores the PDF
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        report.refresh_from_db()
        if report.status in (ReportStatus.DONE, ReportStatus.FAILED):
            break
        time.sleep(0.5)
    try:
        assert report.status == ReportStatus.DONE, report.error
        assert report.progress == report.progress_total >= 4
        with report.file.open("rb") as stored:
            text = pdf_words(stored.read())
        assert manager.municipality.name in text
        assert "Page 1 of" in text
    finally:
        if report.file:
            report.file.delete(save=False)
