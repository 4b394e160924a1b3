"""The demo has institutions (with and without a strategy) in every municipality, local
targets, and children in every state; it can be seeded twice."""

import pytest
from django.core.management import call_command
from django.utils import timezone

from children.kinds import SCHOOL_START
from children.models import ChildPlacement, Institution, LanguageAssessment, YouthGuidance
from integration_portal.accounts.models import Municipality
from reception.models import Milestone

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)


def test_every_municipality_has_institutions_and_children_in_every_state(demo):
    today = timezone.localdate()
    for municipality in Municipality.objects.all():
        institutions = Institution.objects.in_municipality(municipality)
        assert institutions.exclude(strategy="").exists()
        assert institutions.filter(strategy="").exists()
        placements = ChildPlacement.objects.in_municipality(municipality)
        assert {"requested", "offered", "started"} <= set(
            placements.values_list("status", flat=True))
        assert placements.filter(kind="reception_class", status="started").exists()
        assert LanguageAssessment.objects.in_municipality(municipality).exists()
        guidance = YouthGuidance.objects.in_municipality(municipality)
        assert guidance.exclude(education_plan="").exists()
        # a child waits for school with the target overdue
        assert Milestone.objects.in_municipality(municipality).filter(
            kind=SCHOOL_START, done_on__isnull=True, due_date__lt=today).exists()
    lemvig = Institution.objects.in_municipality(Municipality.objects.get(slug="lemvig"))
    assert lemvig.filter(name="Den Internationale Førskole",
                         kind="international_preschool").exists()


def test_seeding_twice_changes_nothing(demo):
    counts = (Institution.objects.count(), ChildPlacement.objects.count(),
              LanguageAssessment.objects.count())

    call_command("seed_demo", verbosity=0)

    assert (Institution.objects.count(), ChildPlacement.objects.count(),
            LanguageAssessment.objects.count()) == counts
