import pytest
from django.core.exceptions import ValidationError

from tests.factories import UserFactory
from volunteers.services import task_release

pytestmark = pytest.mark.django_db


def test_claimer_gives_the_task_back_to_the_board(claimed_task):
    # when
    task = task_release(task=claimed_task, volunteer=claimed_task.claimed_by)
    # then
    task.refresh_from_db()
    assert task.status == "open"
    assert task.claimed_by is None
    assert task.claimed_at is None


def test_another_volunteer_cannot_release_it(claimed_task, municipality):
    other = UserFactory(municipality=municipality, volunteer=True)
    with pytest.raises(ValidationError):
        task_release(task=claimed_task, volunteer=other)
    claimed_task.refresh_from_db()
    assert claimed_task.status == "claimed"
