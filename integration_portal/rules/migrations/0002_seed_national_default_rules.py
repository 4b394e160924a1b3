"""Seed the national default rule set from domain.md §7.

In force from 1 July 2025, when the benefit reform of LOV 1654 of 30 December 2024 took
effect. Later changes in the law are new rule sets with later dates, not edits of this one.
The values are written out here rather than imported, so that the migration keeps doing
what it did when the code around it changes.
"""

import datetime

from django.db import migrations

EFFECTIVE_FROM = datetime.date(2025, 7, 1)

# The programme (and so its deadlines) is for refugees and family-reunified persons aged
# 18 or over at takeover (domain.md §1); other immigrants get no takeover date.
PROGRAMME_BASES = ["asylum_refugee", "quota_refugee", "family_reunified", "ukrainian_special_act"]

ONE_MONTH_AFTER_TAKEOVER = {"anchor": "takeover", "offset_amount": 1, "offset_unit": "months"}

RULES = [
    {
        "milestone_kind": "contract_and_declaration",
        **ONE_MONTH_AFTER_TAKEOVER,
        "min_age": 18,
        "legal_basis": "Integrationsloven: integrationskontrakt og opholds- og "
                       "selvforsørgelseserklæring (cabiweb, uim.dk)",
        "note": "Both the person and the municipality sign within 1 month of takeover.",
    },
    {
        "milestone_kind": "programme_start",
        **ONE_MONTH_AFTER_TAKEOVER,
        "min_age": 18,
        "legal_basis": "Integrationsloven: introduktionsprogram (kommunal vejledning)",
        "note": "A municipality may add a stricter local target as a local rule "
                "(Lejre: 4 weeks after arrival).",
    },
    {
        "milestone_kind": "danish_referral",
        **ONE_MONTH_AFTER_TAKEOVER,
        "min_age": 18,
        "legal_basis": "INL § 21",
        "note": "",
    },
    {
        "milestone_kind": "danish_start",
        **ONE_MONTH_AFTER_TAKEOVER,
        "min_age": 18,
        "legal_basis": "Danskuddannelsesloven § 5",
        "note": "",
    },
    {
        "milestone_kind": "first_company_offer",
        **ONE_MONTH_AFTER_TAKEOVER,
        "min_age": 18,
        "legal_basis": "Integrationsloven (uim.dk)",
        "note": "The aim is within 2 weeks of takeover; 1 month is the latest.",
    },
    {
        "milestone_kind": "health_assessment_offer",
        "anchor": "takeover",
        "offset_amount": 6,
        "offset_unit": "months",
        "min_age": None,
        "legal_basis": "INL § 15 d",
        "note": "Offered when the municipality sees a need; the offer is mandatory for quota "
                "refugees (UDL § 8). Covers children too; a child aged 15 or over decides "
                "for themselves. Results are passed on only with consent.",
    },
]


def seed_national_default(apps, schema_editor):
    RuleSet = apps.get_model("rules", "RuleSet")
    Rule = apps.get_model("rules", "Rule")
    rule_set, created = RuleSet.objects.get_or_create(
        municipality=None,
        effective_from=EFFECTIVE_FROM,
        defaults={
            "name": "Statutory deadlines (national default)",
            "note": "Deadlines after the reform of LOV 1654 of 30 December 2024 (the "
                    "introduktionsprogram; kontanthjælp from 1 July 2025). Values from "
                    "domain.md §7.",
        },
    )
    if not created:
        return
    Rule.objects.bulk_create(
        Rule(
            rule_set=rule_set,
            applies_to_residence_bases=PROGRAMME_BASES,
            max_age=None,
            is_local=False,
            roll_to_working_day=False,
            confidence="V",
            **values,
        )
        for values in RULES
    )


def remove_national_default(apps, schema_editor):
    RuleSet = apps.get_model("rules", "RuleSet")
    RuleSet.objects.filter(municipality=None, effective_from=EFFECTIVE_FROM).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("rules", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(seed_national_default, remove_national_default),
    ]
