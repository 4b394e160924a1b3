"""Staff find "Children and young people" in the menu, current on every children page; a
volunteer does not."""

import pytest
from django.utils import translation

from integration_portal.core.navigation import nav_for

pytestmark = pytest.mark.django_db


def _entries(user, path):
    with translation.override("en"):
        return {str(entry["label"]): entry for entry in nav_for(user, path)}


def test_staff_see_the_entry_and_it_is_current_on_a_child_s_page(caseworker, manager):
    for user in (caseworker, manager):
        entry = _entries(user, "/children/person/1/")["Children and young people"]
        assert entry["url"] == "/children/institutions/"
        assert entry["current"] is True


def test_a_volunteer_does_not(volunteer):
    assert "Children and young people" not in _entries(volunteer, "/")
