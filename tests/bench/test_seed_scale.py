"""bench/seed_scale.py writes the national figures times --scale, shaped like the country."""

import pytest

from employment.models import Measure
from housing.models import HousingUnit, Placement
from integration_portal.accounts.models import Municipality, User
from integration_portal.audit.models import AuditEvent
from reception.models import Household, HouseholdStatus, Milestone, Person
from tests.bench.scale import TODAY, seed_tiny
from volunteers.models import Task, VolunteerProfile

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    return {
        "municipalities": Municipality.objects.count(),
        "households": Household.objects.count(),
        "persons": Person.objects.count(),
        "milestones": Milestone.objects.count(),
        "volunteers": User.objects.filter(is_volunteer=True).count(),
        "volunteer profiles": VolunteerProfile.objects.count(),
        "tasks": Task.objects.count(),
        "units": HousingUnit.objects.count(),
        "measures": Measure.objects.count(),
        "audit": AuditEvent.objects.count(),
    }


@pytest.mark.parametrize("scale", [0.001, 0.002])
def test_each_table_holds_the_national_figure_times_the_scale(scale):
    # given / when
    seed_tiny(scale=scale)

    # then
    assert row_counts() == {
        "municipalities": 98,
        "households": round(50_000 * scale),
        "persons": round(150_000 * scale),
        "milestones": round(1_000_000 * scale),
        "volunteers": round(5_000 * scale),
        "volunteer profiles": round(5_000 * scale),
        "tasks": round(200_000 * scale),
        "units": round(20_000 * scale),
        "measures": round(100_000 * scale),
        "audit": round(2_000_000 * scale),
    }
    assert Placement.objects.exists()


def test_aarhus_is_the_largest_municipality_with_8_percent_of_the_households():
    # given / when
    seed_tiny(scale=0.002)

    # then
    sizes = {m.slug: m.households.count() for m in Municipality.objects.all()}
    assert max(sizes, key=sizes.get) == "aarhus"
    assert sizes["aarhus"] == round(0.08 * 100)


def test_the_printed_logins_exist_with_their_roles_in_the_largest_municipality():
    # given / when
    seed_tiny()

    # then
    logins = {email: User.objects.get(email=email) for email in (
        "caseworker1@aarhus.scale.example", "volunteer1@aarhus.scale.example",
        "manager1@aarhus.scale.example", "coordinator@aarhus.scale.example")}
    assert all(user.municipality.slug == "aarhus" for user in logins.values())
    assert all(user.check_password("tiny-scale-2026") for user in logins.values())
    assert logins["caseworker1@aarhus.scale.example"].is_caseworker
    assert logins["manager1@aarhus.scale.example"].is_manager
    assert logins["coordinator@aarhus.scale.example"].is_volunteer_coordinator
    volunteer = logins["volunteer1@aarhus.scale.example"]
    assert volunteer.is_volunteer and volunteer.volunteer_profile.status == "active"


def test_cases_are_in_every_status_and_deadlines_done_overdue_and_upcoming():
    # given / when
    seed_tiny(scale=0.002)

    # then
    assert set(Household.objects.values_list("status", flat=True)) == set(
        HouseholdStatus.values)
    milestones = Milestone.objects.all()
    assert milestones.filter(done_on__isnull=False).exists()
    assert milestones.overdue(today=TODAY).exists()
    assert milestones.open().filter(due_date__gte=TODAY).exists()
