"""Demo retention periods: the placeholder for every case type, for the managers' page."""

from __future__ import annotations

from integration_portal.core.demo import DemoContext, demo_seeder
from integration_portal.retention.models import SUGGESTED_YEARS, RetentionPeriod
from integration_portal.rules.models import ResidenceBasis


@demo_seeder(order=25)
def seed_periods(context: DemoContext) -> None:
    for municipality in context.municipalities.values():
        for case_type in ResidenceBasis.values:
            RetentionPeriod.objects.get_or_create(
                municipality=municipality, case_type=case_type,
                defaults={"years": SUGGESTED_YEARS},
            )
