"""The menu shows what a role may use and marks the one current entry."""

import pytest
from django.urls import reverse

from integration_portal.core.navigation import nav_for

pytestmark = pytest.mark.django_db


def _current(user, path):
    return [str(entry["label"]) for entry in nav_for(user, path) if entry["current"]]


def test_a_case_page_marks_cases_and_the_start_page_marks_my_overview(caseworker, settings):
    settings.LANGUAGE_CODE = "en"

    assert _current(caseworker, "/cases/42/") == ["Cases"]
    assert _current(caseworker, reverse("reception:start")) == ["My overview"]
    assert _current(caseworker, reverse("reception:letter_print_list")) == ["Letters to print"]


def test_a_volunteer_sees_only_volunteer_entries(volunteer):
    urls = {entry["url"] for entry in nav_for(volunteer, "/")}

    assert urls == {reverse("volunteers:board"), reverse("volunteers:my_tasks"),
                    reverse("volunteers:events"), reverse("volunteers:profile")}


def test_an_entry_can_be_shown_for_any_of_several_permissions(coordinator, manager, caseworker):
    # The cooperation agreements: coordinators keep them, managers read them.
    url = reverse("volunteers:agreement_list")

    assert url in {entry["url"] for entry in nav_for(coordinator, "/")}
    assert url in {entry["url"] for entry in nav_for(manager, "/")}
    assert url not in {entry["url"] for entry in nav_for(caseworker, "/")}
