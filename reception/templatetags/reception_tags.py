from django import template

register = template.Library()


@register.filter
def age_on(person, day) -> int:
    return person.age_on(day)
