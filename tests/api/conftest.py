import pytest
from rest_framework.test import APIClient

from integration_portal.api.services import api_token_issue


def issue_token(user, **kwargs) -> str:
    _, token = api_token_issue(municipality=user.municipality, user=user, name="Test system",
                               actor=None, **kwargs)
    return token


@pytest.fixture
def token_client():
    """An API client that authenticates as `user` with a freshly issued token."""

    def client_for(user) -> APIClient:
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(user)}")
        return client

    return client_for


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # The matrix makes a user per cell; a production-strength hash per user costs seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
