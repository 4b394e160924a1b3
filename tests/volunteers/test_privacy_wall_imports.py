"""The volunteer-facing reads stand outside the privacy wall: they must not import reception."""

import ast
import importlib
import inspect

import pytest


def _imported_modules(module_name: str) -> set[str]:
    tree = ast.parse(inspect.getsource(importlib.import_module(module_name)))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    return imported


@pytest.mark.parametrize("module_name", ["volunteers.selectors", "volunteers.privacy",
                                         "volunteers.models", "volunteers.views.volunteer",
                                         "volunteers.forms", "volunteers.events",
                                         "volunteers.views.events",
                                         "volunteers.calendar_feed"])
def test_volunteer_side_modules_do_not_import_reception(module_name):
    # when
    imported = _imported_modules(module_name)
    # then — not even under TYPE_CHECKING, and not through a relative import
    assert imported, "the module's imports could not be read"
    assert not [name for name in imported
                if name == "reception" or name.startswith("reception.")]


def test_the_check_sees_an_import_of_reception():
    # given the staff-side services, which may and do look at the household's names
    imported = _imported_modules("volunteers.services")
    # then the check above would catch such an import
    assert "reception.models" in imported
