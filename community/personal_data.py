"""What community holds about a person, for their personal data export (reception.
personal_data): their consents to referrals (also those a guardian gave for them) and their
referrals to associations, with what each association was told."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from community.models import Consent, Referral
from reception.personal_data import Section, Table, columns, record, register_personal_data_section

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person

CONSENT_FIELDS = ("purpose", "given_on", "given_by", "guardian_relationship", "recorded_how",
                  "note", "withdrawn_on", "withdrawal_reason")
REFERRAL_FIELDS = ("association", "status", "referred_on", "follow_up_on", "outcome_note",
                   "closed_on", "emailed_at")


def personal_data_section(person: Person, viewer: User) -> Section:
    consents = (Consent.objects.visible_to(viewer).filter(person=person)
                .select_related("given_by"))
    referrals = (Referral.objects.visible_to(viewer).filter(person=person)
                 .select_related("association"))
    return Section(key="community", title=_("Associations and community"), tables=[
        Table(key="consents", title=capfirst(str(Consent._meta.verbose_name_plural)),
              columns=columns(Consent, CONSENT_FIELDS, [("items", _("Data the consent covers"))]),
              rows=[record(consent, CONSENT_FIELDS, items=", ".join(consent.item_labels))
                    for consent in consents]),
        Table(key="referrals", title=capfirst(str(Referral._meta.verbose_name_plural)),
              columns=columns(Referral, REFERRAL_FIELDS,
                              [("shared_data", _("Data shared with the association"))]),
              rows=[record(referral, REFERRAL_FIELDS,
                           shared_data=_shared_text(referral.shared_data))
                    for referral in referrals]),
    ])


def _shared_text(data: dict) -> str:
    parts = []
    for key, value in data.items():
        if key == "child":
            continue
        if isinstance(value, dict):
            value = ", ".join(f"{inner}: {text}" for inner, text in value.items())
        elif isinstance(value, list):
            value = ", ".join(value)
        parts.append(f"{key}: {value}")
    return "; ".join(parts)


register_personal_data_section(key="community", build=personal_data_section, order=45)
