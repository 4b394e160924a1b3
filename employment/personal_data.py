"""What employment holds about a person, for their personal data export
(reception.personal_data): their measures and employers, their Danish education with the
tests passed, and the job centre referrals of their case that are not another member's.
Employers appear by name only: their contact persons are not the person's data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from employment.models import DanishEducation, JobcentreReferral, Measure
from employment.selectors.danish import person_danish
from employment.selectors.measures import person_measures
from reception.personal_data import Section, Table, columns, record, register_personal_data_section

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person

MEASURE_FIELDS = (
    "status", "starts_on", "ends_on", "actual_starts_on", "actual_ends_on", "hours_per_week",
    "outcome", "outcome_note", "notes", "created_at",
)
DANISH_FIELDS = (
    "provider", "track", "module", "referred_on", "starts_on", "ends_on", "hours_per_week",
    "status", "note",
)
REFERRAL_FIELDS = ("created_at", "employer_name", "summary", "status", "closed_reason",
                   "closed_at")


def _referrals(person: Person, viewer: User) -> list[JobcentreReferral]:
    """The case's referrals, but not those already made into another member's measure."""
    return list(
        JobcentreReferral.objects.visible_to(viewer).filter(household=person.household_id)
        .filter(Q(measure__isnull=True) | Q(measure__person__isnull=True)
                | Q(measure__person=person))
        .order_by("created_at", "pk")
    )


def personal_data_section(person: Person, viewer: User) -> Section:
    measures = person_measures(viewer=viewer, person=person)
    educations = person_danish(viewer=viewer, person=person)
    return Section(key="employment", title=_("Employment"), tables=[
        Table(key="measures", title=capfirst(str(Measure._meta.verbose_name_plural)),
              columns=columns(Measure, ("measure_type",), [("employer", _("Employer"))])
              + columns(Measure, MEASURE_FIELDS),
              rows=[record(measure, ("measure_type", *MEASURE_FIELDS),
                           employer=measure.employer_display)
                    for measure in measures]),
        Table(key="danish_education",
              title=capfirst(str(DanishEducation._meta.verbose_name_plural)),
              columns=columns(DanishEducation, DANISH_FIELDS, [("tests", _("Tests passed"))]),
              rows=[record(education, DANISH_FIELDS, tests=[
                        f"{test.get_test_display()} ({test.passed_on.isoformat()})"
                        for test in education.tests.all()])
                    for education in educations]),
        Table(key="jobcentre_referrals",
              title=capfirst(str(JobcentreReferral._meta.verbose_name_plural)),
              columns=columns(JobcentreReferral, REFERRAL_FIELDS),
              rows=[record(referral, REFERRAL_FIELDS)
                    for referral in _referrals(person, viewer)]),
    ])


register_personal_data_section(key="employment", build=personal_data_section, order=40)
