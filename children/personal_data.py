"""What children holds about a person, for their personal data export (reception.personal_data):
their places at institutions, their language assessments and their youth guidance with the
education plan. The institutions appear by name only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from children import selectors
from children.models import ChildPlacement, LanguageAssessment, YouthGuidance
from reception.personal_data import Section, Table, columns, record, register_personal_data_section

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person

PLACEMENT_FIELDS = ("institution", "kind", "status", "requested_on", "offered_on", "starts_on",
                    "ends_on", "note")
ASSESSMENT_FIELDS = ("assessed_on", "result", "next_assessment_on", "note")
GUIDANCE_FIELDS = ("contact_name", "contact_phone", "contact_email", "first_meeting_on",
                   "education_plan", "plan_date", "status")


def personal_data_section(person: Person, viewer: User) -> Section:
    # The person was reached through the viewer's municipality; nothing here crosses it.
    mine = person.household.municipality_id == viewer.municipality_id
    placements = selectors.child_placements(person=person) if mine else []
    assessments = selectors.child_assessments(person=person) if mine else []
    guidance = selectors.youth_guidance_of(person=person) if mine else None
    return Section(key="children", title=_("Children and young people"), tables=[
        Table(key="places", title=capfirst(str(ChildPlacement._meta.verbose_name_plural)),
              columns=columns(ChildPlacement, PLACEMENT_FIELDS),
              rows=[record(placement, PLACEMENT_FIELDS) for placement in placements]),
        Table(key="language_assessments",
              title=capfirst(str(LanguageAssessment._meta.verbose_name_plural)),
              columns=columns(LanguageAssessment, ASSESSMENT_FIELDS),
              rows=[record(assessment, ASSESSMENT_FIELDS) for assessment in assessments]),
        Table(key="youth_guidance", title=capfirst(str(YouthGuidance._meta.verbose_name)),
              columns=columns(YouthGuidance, GUIDANCE_FIELDS),
              rows=[record(guidance, GUIDANCE_FIELDS)] if guidance else []),
    ])


register_personal_data_section(key="children", build=personal_data_section, order=35)
