"""Labels of the codes kept in a referral's shared data."""

from django import template

from community.models import AgeGroup
from integration_portal.letters.languages import Language

register = template.Library()


@register.filter
def age_group_label(code: str) -> str:
    return str(dict(AgeGroup.choices).get(code, code))


@register.filter
def language_labels(codes) -> list[str]:
    labels = dict(Language.choices)
    return [str(labels.get(code, code)) for code in codes or []]
