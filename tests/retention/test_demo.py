"""The demo shows the retention page with cases to approve, and seeding twice adds nothing."""

import pytest
from django.core.management import call_command

from integration_portal.accounts.models import Municipality
from integration_portal.retention.models import RetentionPeriod
from integration_portal.retention.selectors import cases_due

pytestmark = pytest.mark.django_db


def test_the_demo_lists_closed_cases_past_their_period(settings):
    # given
    settings.DEBUG = True

    # when
    call_command("seed_demo")
    call_command("seed_demo")

    # then every demo municipality has periods and two cases due, once
    for municipality in Municipality.objects.all():
        assert RetentionPeriod.objects.in_municipality(municipality).filter(years=5).count() == 5
        due = cases_due(municipality_id=municipality.pk)
        assert [case.reference for case in due] == ["DEMO-R-0001", "DEMO-R-0002"]
