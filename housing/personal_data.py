"""What housing holds about a person, for their personal data export (reception.personal_data):
the placements of their household and the addresses of the homes they lived in. Not the
landlord's or a private host's details: those are someone else's personal data."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from housing import selectors
from housing.models import HousingUnit, Placement
from reception.personal_data import Section, Table, columns, record, register_personal_data_section

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person

PLACEMENT_FIELDS = ("status", "starts_on", "ends_on", "persons", "note", "created_at")
UNIT_FIELDS = ("address", "postcode", "town")


def personal_data_section(person: Person, viewer: User) -> Section:
    placements = [placement for placement in selectors.case_placements(household=person.household)
                  if placement.unit.municipality_id == viewer.municipality_id]
    return Section(key="housing", title=_("Housing"), tables=[Table(
        key="placements", title=capfirst(str(Placement._meta.verbose_name_plural)),
        columns=[*columns(Placement, (), [("kind", _("Kind"))]),
                 *columns(HousingUnit, UNIT_FIELDS), *columns(Placement, PLACEMENT_FIELDS)],
        rows=[record(placement, PLACEMENT_FIELDS, kind=placement.kind_label,
                     **record(placement.unit, UNIT_FIELDS))
              for placement in placements],
    )])


register_personal_data_section(key="housing", build=personal_data_section, order=30)
