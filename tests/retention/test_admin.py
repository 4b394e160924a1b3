"""The admin shows retention periods and decisions but changes neither: only the services
write them, and they audit-log every change."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from tests.retention.helpers import period

pytestmark = pytest.mark.django_db


def test_the_admin_reads_periods_but_cannot_change_them(client, municipality):
    # given a period and an administrator
    retention_period = period(municipality)
    client.force_login(UserFactory(municipality=municipality, is_staff=True, is_superuser=True))

    # then the list opens, and adding, changing or deleting is refused
    assert client.get(reverse("admin:retention_retentionperiod_changelist")).status_code == 200
    assert client.get(reverse("admin:retention_retentionperiod_add")).status_code == 403
    assert client.post(
        reverse("admin:retention_retentionperiod_change", args=[retention_period.pk]),
        {"years": 1, "months": 0},
    ).status_code == 403
    retention_period.refresh_from_db()
    assert retention_period.years == 5
