"""The surveys' address list, the personal data export and erasure of a closed case."""

import pytest
from django.utils import timezone

from community import services
from community.models import Consent, Referral
from community.personal_data import personal_data_section
from community.retention import anonymise_household
from community.selectors import association_contact_emails, association_list
from tests.community.factories import AssociationFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_contact_emails_are_the_active_associations_each_once(municipality, other_municipality):
    # given
    AssociationFactory(municipality=municipality, name="A", email="info@klub.example.org")
    AssociationFactory(municipality=municipality, name="B", email="INFO@klub.example.org")
    AssociationFactory(municipality=municipality, name="C", email="")
    AssociationFactory(municipality=municipality, name="D", email="d@example.org", active=False)
    AssociationFactory(municipality=municipality, name="E", email="e@example.org")
    AssociationFactory(municipality=other_municipality, name="F", email="f@example.org")

    # when / then
    assert association_contact_emails(municipality=municipality) == [
        "info@klub.example.org", "e@example.org"]


def test_the_directory_filters_by_language_age_group_and_welcome(municipality, caseworker):
    AssociationFactory(municipality=municipality, name="Bibliotek", kind="library",
                       languages=["ar"], age_groups=["adults"], welcomes_newcomers=True)
    AssociationFactory(municipality=municipality, name="Skak", languages=["da"],
                       age_groups=["6-14"], welcomes_newcomers=False)

    def names(**filters):
        return [a.name for a in association_list(user=caseworker, **filters)]

    assert names(language="ar") == ["Bibliotek"]
    assert names(age_group="6-14") == ["Skak"]
    assert names(welcomes_newcomers=True) == ["Bibliotek"]
    assert names(kind="library") == ["Bibliotek"]


def test_the_export_and_the_erasure(parent, club, caseworker):
    # given a consent and a referral with interests
    services.consent_record(person=parent, actor=caseworker, items=["first_name", "interests"],
                            given_on=TODAY, recorded_how="signed_form", note="Med tolk")
    services.referral_create(person=parent, association=club, actor=caseworker,
                             interests="Fodbold")

    # when exported
    section = personal_data_section(parent, caseworker)
    consents, referrals = section.tables
    assert len(consents.rows) == 1 and len(referrals.rows) == 1
    assert "Fodbold" in referrals.rows[0]["shared_data"]

    # when erased, dates and statuses stay, notes and shared data go
    assert anonymise_household(parent.household_id) == {"referrals": 1, "consents": 1}
    referral = Referral.objects.get()
    assert referral.shared_data == {} and referral.referred_on == TODAY
    assert Consent.objects.get().note == ""
