"""The demo has a housing stock in every municipality and placements in every state."""

import pytest
from django.core.management import call_command

from housing.kinds import PERMANENT_HOME
from housing.models import (
    HousingUnit,
    Place,
    Placement,
    PlacementGuideline,
    Quota,
    ServiceFrameItem,
)
from integration_portal.accounts.models import Municipality
from reception.models import Milestone
from volunteers.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)


def test_every_municipality_has_a_stock_places_and_placements_in_every_state(demo):
    for municipality in Municipality.objects.all():
        units = HousingUnit.objects.in_municipality(municipality)
        assert units.count() >= 60
        assert set(units.values_list("kind", flat=True)) == {
            "temporary", "permanent", "private_lodging", "shared_room"}
        assert Place.objects.in_municipality(municipality).filter(
            household__isnull=False).exists()
        assert {"school", "daycare", "sfo", "shop", "station", "stop", "community"} <= set(
            Place.objects.in_municipality(municipality).values_list("kind", flat=True))
        placements = Placement.objects.in_municipality(municipality)
        assert set(placements.values_list("status", flat=True)) == {
            "reserved", "active", "ended", "cancelled"}
        assert placements.filter(is_permanent=True, status="active").exists()
        assert PlacementGuideline.objects.filter(municipality=municipality).exists()
        assert ServiceFrameItem.objects.in_municipality(municipality).count() >= 10
        assert Quota.objects.in_municipality(municipality).count() == 4
        assert Task.objects.in_municipality(municipality).filter(
            kind__code="moving", area__regex=r"^\d{4} ").exists()
        # every coordinate in the municipality's own corner of Denmark
        lats = units.values_list("latitude", flat=True)
        assert max(lats) - min(lats) < 0.5


def test_lejre_has_a_permanent_home_target_and_the_moved_family_met_it(demo):
    lejre = Municipality.objects.get(slug="lejre")
    targets = Milestone.objects.in_municipality(lejre).filter(kind=PERMANENT_HOME)

    assert targets.filter(done_on__isnull=True).exists()
    assert targets.filter(done_on__isnull=False).exists()
    assert not Milestone.objects.filter(kind=PERMANENT_HOME).exclude(
        household__municipality=lejre).exists()


def test_seeding_twice_adds_nothing(demo, settings):
    counts = (HousingUnit.objects.count(), Placement.objects.count(), Place.objects.count(),
              Quota.objects.count(), ServiceFrameItem.objects.count())

    call_command("seed_demo", verbosity=0)

    assert (HousingUnit.objects.count(), Placement.objects.count(), Place.objects.count(),
            Quota.objects.count(), ServiceFrameItem.objects.count()) == counts
