"""A service's errors answer as DRF's own: 400 with field messages, 403 — never a 500."""

from django.core.exceptions import ValidationError

from integration_portal.api.exceptions import portal_exception_handler


def test_a_field_error_from_a_service_answers_400_under_the_fields_name():
    # when
    response = portal_exception_handler(
        ValidationError({"done_on": ["In the future."], "__all__": ["Already done."]}), {})

    # then
    assert response.status_code == 400
    assert response.data == {"done_on": ["In the future."], "non_field_errors": ["Already done."]}


def test_a_plain_error_from_a_service_answers_400_as_non_field_errors():
    # when
    response = portal_exception_handler(ValidationError("Already arrived."), {})

    # then
    assert response.status_code == 400
    assert response.data == {"non_field_errors": ["Already arrived."]}


def test_a_services_municipality_guard_answers_403():
    # when
    response = portal_exception_handler(PermissionError("another municipality"), {})

    # then
    assert response.status_code == 403
    assert "another municipality" not in str(response.data)
