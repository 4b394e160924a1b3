"""Seed the national kinds of measure and the national employment rules (domain.md §§3–4, §7),
give existing measures their kind, and add the IGU bonus milestones to the national default
rule set of deadlines.

The values are written out here rather than imported, so that the migration keeps doing what
it did when the code around it changes.
"""

import datetime

from django.db import migrations

# (code = category, Danish name, English name). The code of a national kind is its category,
# which is how code finds the kind for a category (a volunteer's "internship found").
KINDS = [
    ("igu", "Integrationsgrunduddannelse (IGU)", "Basic integration education (IGU)"),
    ("company_internship", "Virksomhedspraktik", "Company internship"),
    ("language_internship", "Sprogpraktik", "Language internship"),
    ("wage_subsidy_private", "Løntilskud, privat arbejdsgiver", "Wage subsidy, private employer"),
    ("wage_subsidy_public", "Løntilskud, offentlig arbejdsgiver", "Wage subsidy, public employer"),
    ("small_job", "Småjob", "Small job"),
    ("ordinary_job", "Ordinært job", "Ordinary job"),
    ("education", "Uddannelse", "Education"),
    ("job_training", "Jobtræningsbaneforløb", "Job-training track"),
    ("special_upskilling", "Særligt opkvalificeringsforløb", "Special upskilling course"),
]

# L 82 2023-24 (IGU from 1 July 2024: 18 to under 50, at most 20 years' registered address,
# start by 31 December 2027); LAB § 68 (wage subsidy); INL § 23 a (special upskilling).
NATIONAL_RULES_FROM = datetime.date(2024, 7, 1)
NATIONAL_RULES = {
    "legal_basis": "L 82 2023-24 (IGU); LAB §§ 68-69 (løntilskud); INL § 23 a; "
                   "BEK 1761/2024 kap. 5 (arbejdspligt)",
    "igu_min_age": 18,
    "igu_max_age": 49,
    "igu_max_years_registered": 20,
    "igu_residence_bases": ["asylum_refugee", "quota_refugee", "family_reunified",
                            "ukrainian_special_act"],
    "igu_last_start_on": datetime.date(2027, 12, 31),
    "igu_months": 24,
    "igu_school_weeks": 23,
    "igu_min_hours_per_week": 25,
    "igu_extension_min_weeks": 8,
    "igu_bonus_dkk": 20000,
    "wage_subsidy_private_max_months": 6,
    "wage_subsidy_public_max_months": 4,
    "internship_weeks": 13,
    "internship_extension_weeks": 13,
    "special_upskilling_max_months": 3,
    "max_hours_per_week": 37,
    "note": "Confirm with the legal team: the integration-specific lengths of wage subsidy "
            "and internships, and the IGU bonus under the 2024 rules (domain.md §7).",
}

DEADLINES_FROM = datetime.date(2025, 7, 1)
BONUS_RULES = [
    {
        "milestone_kind": "igu_bonus_first",
        "anchor": "igu_start",
        "offset_amount": 6,
        "offset_unit": "months",
        "legal_basis": "IGU-bonus til private arbejdsgivere efter 6 måneder (SIRI)",
        "confidence": "?",
        "note": "The employer applies for the first bonus after 6 months of IGU.",
    },
    {
        "milestone_kind": "igu_bonus_final",
        "anchor": "igu_end",
        "offset_amount": 0,
        "offset_unit": "days",
        "legal_basis": "IGU-bonus til private arbejdsgivere ved gennemført forløb (SIRI)",
        "confidence": "?",
        "note": "The employer applies for the second bonus when the IGU is completed.",
    },
]


def seed(apps, schema_editor):
    MeasureType = apps.get_model("employment", "MeasureType")
    EmploymentRuleSet = apps.get_model("employment", "EmploymentRuleSet")
    Measure = apps.get_model("employment", "Measure")
    RuleSet = apps.get_model("rules", "RuleSet")
    Rule = apps.get_model("rules", "Rule")
    for position, (code, name, name_en) in enumerate(KINDS):
        MeasureType.objects.update_or_create(
            municipality=None, code=code,
            defaults={"name": name, "name_en": name_en, "category": code,
                      "position": position * 10},
        )
    EmploymentRuleSet.objects.get_or_create(municipality=None, effective_from=NATIONAL_RULES_FROM,
                                            defaults=NATIONAL_RULES)
    # Measures made before the kinds were configurable held the category as `kind`.
    for measure in Measure.objects.filter(measure_type__isnull=True):
        measure.measure_type = MeasureType.objects.get(municipality=None, code=measure.kind)
        measure.save(update_fields=["measure_type"])
    national = RuleSet.objects.filter(municipality=None, effective_from=DEADLINES_FROM).first()
    if national is not None:
        for rule in BONUS_RULES:
            Rule.objects.get_or_create(rule_set=national, milestone_kind=rule["milestone_kind"],
                                       defaults=rule)


def unseed(apps, schema_editor):
    Measure = apps.get_model("employment", "Measure")
    Rule = apps.get_model("rules", "Rule")
    for measure in Measure.objects.select_related("measure_type"):
        measure.kind = measure.measure_type.category
        measure.save(update_fields=["kind"])
    Rule.objects.filter(rule_set__municipality=None,
                        milestone_kind__in=[rule["milestone_kind"] for rule in BONUS_RULES]).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("employment", "0002_employers_rules_measure_kinds"),
        ("rules", "0003_igu_anchors"),
    ]

    operations = [migrations.RunPython(seed, unseed)]
