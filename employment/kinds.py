"""Employment's milestone kinds: the IGU employer's bonus, after 6 months and at the end.

Their deadlines are rules of the national default rule set (seeded by employment's
migration 0003), counted from the IGU's start and end (see `employment.anchors`).
"""

from django.utils.translation import gettext_lazy as _

IGU_BONUS_FIRST = "igu_bonus_first"
IGU_BONUS_FINAL = "igu_bonus_final"

EMPLOYMENT_KINDS = (
    (IGU_BONUS_FIRST, _("IGU: the employer's first bonus (after 6 months)")),
    (IGU_BONUS_FINAL, _("IGU: the employer's second bonus (completed)")),
)
