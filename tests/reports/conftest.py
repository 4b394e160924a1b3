import pytest
from django.utils import translation


@pytest.fixture
def labels_in_english():
    """The section's labels are read in English, the source language."""
    with translation.override("en"):
        yield
