from django import template

register = template.Library()


@register.filter
def cpr_masked(value: str) -> str:
    """DDMMYY-XXXX: enough to recognise a person, not enough to misuse the number."""
    if not value:
        return ""
    return f"{value[:6]}-XXXX"


@register.filter
def age_on(person, day) -> int:
    return person.age_on(day)
