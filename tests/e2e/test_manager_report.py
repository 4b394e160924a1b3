"""A manager asks for the PDF report, watches the progress bar move, and downloads the report."""


import pypdfium2
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from integration_portal.reports import tasks
from integration_portal.reports.models import Report, ReportStatus
from tests.e2e.axe import blocking_findings
from tests.e2e.conftest import SCREENSHOTS
from tests.factories import HouseholdFactory
from tests.letters.pdf import pdf_words
from tests.reports.sections import arrivals, empty_section, only_sections

pytestmark = pytest.mark.e2e

@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def enqueued(monkeypatch):
    # The test runs the task itself, at the moment it chooses, so that the page can be seen
    # while the report is still being built; a real worker running tasks is proven in
    # tests/core/test_worker.py.
    ids: list[int] = []
    monkeypatch.setattr(tasks.report_generate_task, "delay", ids.append)
    return ids


def test_a_manager_watches_the_report_being_built_and_downloads_it(
    page, live_server, people, login, screenshot, enqueued, monkeypatch
):
    # given a household that arrived this year, and a section that, once the first part is
    # built, looks at the manager's page before letting the build go on
    manager = people["manager"]
    today = timezone.localdate()
    HouseholdFactory(municipality=manager.municipality, status="arrived",
                     arrival_date=today.replace(month=1, day=2))
    seen_while_building = []

    def watching(municipality, period):
        bar = page.locator("#report-progress-bar")
        expect(bar).to_have_attribute("value", "48")  # 1 of 2 parts, polled by htmx
        seen_while_building.append(bar.get_attribute("value"))
        screenshot("report-progress")
        return empty_section(municipality, period)

    only_sections(monkeypatch, arrivals, watching)
    login(manager)

    # when the manager asks for a Danish report of this year
    page.goto(f"{live_server.url}/reports/pdf/")
    assert blocking_findings(page) == []
    expect(page.locator("#id_start")).to_have_value(today.replace(month=1, day=1).isoformat())
    expect(page.locator("input[name=language][value=da]")).to_be_checked()
    page.locator("main form button[type=submit]").click()

    # then the progress page shows the bar, waiting for the worker
    report = Report.objects.get()
    expect(page).to_have_url(f"{live_server.url}/reports/pdf/{report.pk}/")
    expect(page.locator("#report-progress-bar")).to_be_visible()
    expect(page.locator("#report-progress-bar")).to_have_attribute("value", "0")
    assert page.locator("[role=status][aria-live=polite] #report-progress").count() == 1
    assert blocking_findings(page) == []
    assert enqueued == [report.pk]

    # when the worker builds it (the page keeps polling meanwhile)
    tasks.report_generate_task(report.pk)

    # then the page saw the bar move, and now offers the download
    assert seen_while_building == ["48"]
    report.refresh_from_db()
    assert report.status == ReportStatus.DONE
    download_link = page.locator("#report-progress a[href$='/download/']")
    expect(download_link).to_be_visible()
    assert blocking_findings(page) == []
    screenshot("report-ready")

    # when the manager downloads it
    with page.expect_download() as download_info:
        download_link.click()
    pdf = download_info.value.path().read_bytes()

    # then it is the report: its first page is not blank and its text holds the figures
    assert download_info.value.suggested_filename == f"rapport-{today.year}-01-01-{today}.pdf"
    assert pdf.startswith(b"%PDF")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    document = pypdfium2.PdfDocument(pdf)
    try:
        first_page = document[0].render(scale=2).to_pil()
    finally:
        document.close()
    first_page.save(SCREENSHOTS / "report-first-page.png")
    grey = first_page.convert("L")
    inked = sum(grey.histogram()[:200])
    assert inked > grey.width * grey.height * 0.01, "the first page is blank"

    text = pdf_words(pdf)
    assert "Lejre" in text
    assert f"Periode: 1. januar {today.year}" in text
    assert "Households arrived 1" in text
    assert "1.234 persons" in text
    assert "Søren Ågård" in text
    assert "Side 1 af 2" in text

    # and the list shows who asked, and when
    page.goto(f"{live_server.url}/reports/pdf/")
    row = page.locator("tbody tr").first
    expect(row).to_contain_text(manager.full_name)
    expect(row).to_contain_text(today.strftime("%d.%m.%Y"))
    assert blocking_findings(page) == []
    screenshot("report-list")
