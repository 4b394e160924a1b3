"""Sections business apps add to the managers' start page, without the portal importing them.

Like the case page's sections (reception/case_sections.py): an app registers a template and a
function that builds its context from the request (e.g. housing: the year's quota and how
much of it is received). The start page renders them in order, after the portal's own
figures. A context function must cost a fixed number of queries.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.http import HttpRequest

SectionContext = Callable[["HttpRequest"], dict]


@dataclass(frozen=True)
class ManagerSection:
    template_name: str
    context: SectionContext
    order: int


_sections: list[ManagerSection] = []


def register_manager_section(*, template_name: str, context: SectionContext, order: int) -> None:
    if any(section.template_name == template_name for section in _sections):
        return
    _sections.append(ManagerSection(template_name=template_name, context=context, order=order))
    _sections.sort(key=lambda section: section.order)


def manager_sections(request: HttpRequest) -> list[dict]:
    return [
        {"template_name": section.template_name, **section.context(request)}
        for section in _sections
    ]
