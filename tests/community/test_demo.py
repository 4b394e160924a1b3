"""The demo has associations, consents and referrals in every status in every municipality."""

import pytest
from django.core.management import call_command

from community.models import Association, Consent, Referral
from integration_portal.accounts.models import Municipality

pytestmark = pytest.mark.django_db


def test_the_demo_has_referrals_in_every_status_and_is_safe_to_run_twice(settings):
    # given / when
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    counts = (Association.objects.count(), Consent.objects.count(), Referral.objects.count())
    call_command("seed_demo", verbosity=0)

    # then
    assert (Association.objects.count(), Consent.objects.count(),
            Referral.objects.count()) == counts
    for municipality in Municipality.objects.all():
        referrals = Referral.objects.in_municipality(municipality)
        assert set(referrals.values_list("status", flat=True)) == {
            "referred", "contacted", "started", "declined", "stopped"}
        assert Association.objects.in_municipality(municipality).filter(
            kind="sports", welcomes_newcomers=True).exists()
        assert Consent.objects.in_municipality(municipality).filter(
            withdrawn_on__isnull=False).exists()
        assert referrals.open().filter(follow_up_on__lt=referrals.first().created_at.date()
                                       ).exists()
    assert Association.objects.filter(name="Integrationsforeningen").exists()
    # no child's name in what any association was told
    for referral in Referral.objects.filter(shared_data__child=True):
        assert set(referral.shared_data) <= {"child", "age_group", "languages", "contact"}
