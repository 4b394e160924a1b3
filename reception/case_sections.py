"""Sections other apps add to the case page, without reception importing them.

An app registers a template and a function that builds its context from the request and the
household (e.g. volunteers: the case's volunteer tasks). Reception renders them in order.
An app may also give a print template (`pdf_template_name`, plain markup without links or
forms): the case summary PDF renders it with the same context.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

    from reception.models import Household

SectionContext = Callable[["HttpRequest", "Household"], dict]


@dataclass(frozen=True)
class CaseSection:
    template_name: str
    context: SectionContext
    order: int
    pdf_template_name: str = ""


_sections: list[CaseSection] = []


def register_case_section(
    *, template_name: str, context: SectionContext, order: int, pdf_template_name: str = ""
) -> None:
    if any(section.template_name == template_name for section in _sections):
        return
    _sections.append(CaseSection(template_name=template_name, context=context, order=order,
                                 pdf_template_name=pdf_template_name))
    _sections.sort(key=lambda section: section.order)


def case_sections(request: HttpRequest, household: Household) -> list[dict]:
    return [
        {"template_name": section.template_name, **section.context(request, household)}
        for section in _sections
    ]


def case_summary_sections(request: HttpRequest, household: Household) -> list[dict]:
    """The sections that have a print template, for the case summary PDF."""
    return [
        {"template_name": section.pdf_template_name, **section.context(request, household)}
        for section in _sections
        if section.pdf_template_name
    ]
