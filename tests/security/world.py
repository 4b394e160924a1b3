"""One realistic municipality for the access matrix: a case with everything hanging off it.

Built once per test module (tests/security/test_access_matrix.py) and rolled back at the end.
Objects are saved directly with the factories, past the services' checks: the matrix tests who
may reach them, not how they come to be. Municipality B has staff only, so every object a URL
names belongs to municipality A and B's staff must find none of them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from tests.factories import (
    HouseholdFactory,
    MilestoneFactory,
    MunicipalityFactory,
    PersonFactory,
    UserFactory,
)

# The users every URL is requested as; "anonymous" is the logged-out client.
USERS = ("anonymous", "caseworker", "coordinator", "manager", "volunteer",
         "other_caseworker", "other_manager", "admin")
# The users of municipality B, to whom every object of municipality A does not exist.
OTHER_MUNICIPALITY = frozenset({"other_caseworker", "other_manager"})

CALENDAR_TOKEN = "matrix-calendar-key"
INVITATION_TOKEN = "matrix-invitation-key"
SURVEY_TOKEN = "MATRIXSURVEY"  # surveys: a respondent's single-use code
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16  # enough for the logo view to tell the type


@dataclass
class World:
    users: dict[str, Any] = field(default_factory=dict)
    objects: dict[str, Any] = field(default_factory=dict)
    clients: dict[str, Any] = field(default_factory=dict)  # a logged-in test client per user

    def __getattr__(self, name: str) -> Any:
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def build_world() -> World:
    from employment.models import IguSchoolWeek, JobcentreReferral, MeasureType
    from housing.models import ServiceFrameItem
    from housing.services import placement_reserve
    from integration_portal.reports.models import Report
    from reception.models import ArrivalNotice, Document, JournalNote
    from tests.employment.factories import (
        DanishEducationFactory,
        EmployerFactory,
        IguFactory,
        MeasureFactory,
        OpeningFactory,
    )
    from tests.housing.factories import HousingUnitFactory, PlaceFactory, PrivateHostFactory
    from tests.letters.factories import LetterFactory
    from tests.notifications.factories import NotificationFactory
    from tests.volunteers.factories import (
        CooperationAgreementFactory,
        EventFactory,
        OrganisationFactory,
        TaskFactory,
        VolunteerProfileFactory,
    )
    from volunteers.models import TaskReport, VolunteerInvitation, invitation_token_hash

    world = World()
    a = MunicipalityFactory(name="Lejre", code="350", slug="lejre")
    b = MunicipalityFactory(name="Vejen", code="575", slug="vejen")
    for municipality in (a, b):
        municipality.logo.save(f"{municipality.slug}.png", ContentFile(PNG), save=True)
    users = world.users
    users["caseworker"] = UserFactory(municipality=a, caseworker=True)
    users["coordinator"] = UserFactory(municipality=a, coordinator=True)
    users["manager"] = UserFactory(municipality=a, manager=True)
    users["volunteer"] = UserFactory(municipality=a, volunteer=True)
    users["other_caseworker"] = UserFactory(municipality=b, caseworker=True)
    users["other_manager"] = UserFactory(municipality=b, manager=True)
    # An administrator works in Django admin and holds no portal role.
    users["admin"] = UserFactory(municipality=a, is_staff=True, is_superuser=True)
    caseworker, volunteer = users["caseworker"], users["volunteer"]

    o = world.objects
    o["municipality"] = a
    # Reception: a case with a person, a deadline, a journal note, a document and a letter.
    o["notice"] = notice = ArrivalNotice.objects.create(
        municipality=a, source="email", received_on=datetime.date(2026, 9, 1),
        expected_arrival_date=datetime.date(2026, 10, 1), residence_basis="asylum_refugee")
    o["household"] = household = HouseholdFactory(municipality=a, notice=notice,
                                                  caseworker=caseworker)
    o["person"] = person = PersonFactory(household=household)
    o["milestone"] = MilestoneFactory(
        household=household, person=person,
        due_date=timezone.localdate() + datetime.timedelta(days=10))
    JournalNote.objects.create(household=household, author=caseworker, text="Called the family.")
    o["document"] = Document.objects.create(
        household=household, person=person, document_type="identity",
        file=ContentFile(b"%PDF-1.7 stand-in", name="passport.pdf"),
        original_name="passport.pdf", content_type="application/pdf", size=17,
        uploaded_by=caseworker)
    o["letter"] = LetterFactory(household=household)
    NotificationFactory(recipient=caseworker)

    # Volunteers: an approved volunteer with an open task, a task they took, and a meeting.
    o["profile"] = profile = VolunteerProfileFactory(user=volunteer)
    type(profile).objects.filter(pk=profile.pk).update(calendar_token=CALENDAR_TOKEN)
    o["pending_profile"] = VolunteerProfileFactory(
        user=UserFactory(municipality=a, volunteer=True), status="pending")
    o["task"] = TaskFactory(municipality=a, household=household)
    o["claimed_task"] = claimed = TaskFactory(municipality=a, status="claimed",
                                              claimed_by=volunteer)
    o["organisation"] = organisation = OrganisationFactory(municipality=a)
    o["agreement"] = CooperationAgreementFactory(organisation=organisation)
    o["event"] = EventFactory(municipality=a)
    o["invitation"] = VolunteerInvitation.objects.create(
        municipality=a, organisation=organisation, email="new.volunteer@example.org",
        full_name="Ny Frivillig", token_hash=invitation_token_hash(INVITATION_TOKEN),
        invited_by=users["coordinator"],
        expires_at=timezone.now() + datetime.timedelta(days=14))

    # Housing: a home, a private host, a place, the service frame and a reserved placement.
    o["unit"] = unit = HousingUnitFactory(municipality=a)
    o["host"] = PrivateHostFactory(municipality=a)
    o["place"] = PlaceFactory(municipality=a)
    o["frame_item"] = ServiceFrameItem.objects.create(municipality=a, name="Seng", quantity=1)
    o["placement"] = placement_reserve(household=household, unit=unit,
                                       starts_on=timezone.localdate(), actor=caseworker)

    # Employment: an employer with an opening, a measure, an IGU with a school week, Danish
    # education, the municipality's own measure type and an open job-centre referral.
    o["employer"] = employer = EmployerFactory(municipality=a)
    o["opening"] = OpeningFactory(employer=employer)
    o["measure"] = MeasureFactory(person=person)
    o["igu"] = igu = IguFactory(person=person)
    o["school_week"] = IguSchoolWeek.objects.create(
        measure=igu, week_starts_on=datetime.date(2026, 9, 7), school="Sprogcenter")
    o["danish"] = DanishEducationFactory(person=person, hours_per_week=Decimal("10"))
    o["measure_type"] = MeasureType.objects.create(
        municipality=a, code="lejre-mentor", name="Mentor i Lejre", category="other")
    report = TaskReport.objects.create(task=claimed, text="Met an employer.",
                                       employer_name="Lejre Bageri")
    o["referral"] = JobcentreReferral.objects.create(
        municipality=a, household=household, task_report=report, employer_name="Lejre Bageri")

    # Reports: a PDF report a manager asked for.
    o["report"] = Report.objects.create(
        municipality=a, period_start=datetime.date(2026, 1, 1),
        period_end=datetime.date(2026, 6, 30), requested_by=users["manager"], status="done",
        file=ContentFile(b"%PDF-1.7 stand-in", name="report.pdf"), file_size=17)

    # community: an association, the person's consent and a referral built on it.
    from community.models import Consent, Referral
    from tests.community.factories import AssociationFactory

    o["association"] = association = AssociationFactory(municipality=a)
    o["community_consent"] = consent = Consent.objects.create(
        person=person, items=["first_name"], given_on=datetime.date(2026, 9, 2),
        recorded_how="signed_form", recorded_by=caseworker)
    o["community_referral"] = Referral.objects.create(
        municipality=a, household=household, person=person, association=association,
        consent=consent, referred_on=datetime.date(2026, 9, 3), referred_by=caseworker,
        follow_up_on=datetime.date(2026, 10, 1), shared_data={"first_name": person.first_name})

    # surveys: an open survey with a question, and an unused invitation with a known code.
    from tests.surveys.factories import QuestionFactory, SurveyFactory, invite

    o["survey"] = survey = SurveyFactory(municipality=a)
    o["survey_question"] = QuestionFactory(survey=survey, required=False)
    invite(survey, token=SURVEY_TOKEN)

    # children: an institution, a four-year-old on the case with a place and an assessment.
    from tests.children.factories import (
        ChildPlacementFactory,
        InstitutionFactory,
        LanguageAssessmentFactory,
    )

    o["institution"] = institution = InstitutionFactory(municipality=a)
    o["child"] = child = PersonFactory(
        household=household, relation="child",
        birth_date=timezone.localdate() - datetime.timedelta(days=4 * 365 + 40))
    o["child_placement"] = ChildPlacementFactory(person=child, institution=institution)
    o["language_assessment"] = LanguageAssessmentFactory(person=child)
    return world
