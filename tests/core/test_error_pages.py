"""Error pages render on their own layout, without a request's context."""

import pytest
from django.template.loader import render_to_string
from django.test import Client
from django.urls import reverse


def test_the_500_page_renders_without_a_request():
    html = render_to_string("500.html")

    assert "<h1>" in html and "500" in html


@pytest.mark.django_db
def test_a_form_without_a_csrf_token_gets_the_expired_form_page():
    client = Client(enforce_csrf_checks=True)

    response = client.post(reverse("account_login"), {"login": "x@example.org"},
                           HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 403
    assert "The form has expired" in response.content.decode()
