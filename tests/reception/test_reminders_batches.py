"""The scan pages through milestones in bounded batches; queries grow per batch, not per row."""

from datetime import date, timedelta

import pytest

from integration_portal.notifications.models import Notification
from reception.reminders import reminder_scan
from tests.factories import HouseholdFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)
# Per batch: the milestones, the notifications that exist, and the insert in a transaction
# (savepoint, insert, release). Fixed: the municipalities, and the managers once.
QUERIES_PER_BATCH = 5
FIXED_QUERIES = 2


def _milestones(count: int, *, caseworker, due: date) -> None:
    for _ in range(count):
        household = HouseholdFactory(municipality=caseworker.municipality, caseworker=caseworker)
        MilestoneFactory(household=household, due_date=due)


@pytest.mark.parametrize("due", [TODAY + timedelta(days=2), TODAY - timedelta(days=2)],
                         ids=["warning", "overdue"])
def test_every_milestone_is_processed_in_batches_of_bounded_queries(
    caseworker, manager, django_assert_max_num_queries, due
):
    # given seven deadlines and batches of two
    _milestones(7, caseworker=caseworker, due=due)

    # when
    with django_assert_max_num_queries(4 * QUERIES_PER_BATCH + FIXED_QUERIES) as queries:
        result = reminder_scan(today=TODAY, batch_size=2)

    # then all seven were notified
    assert result.milestones == 7
    assert Notification.objects.filter(recipient=caseworker).count() == 7
    # and no query read more than one batch of milestones
    milestone_reads = [q["sql"] for q in queries.captured_queries
                       if q["sql"].startswith("SELECT") and '"reception_milestone"' in q["sql"]]
    assert len(milestone_reads) == 4
    assert all("LIMIT 2" in sql for sql in milestone_reads)
