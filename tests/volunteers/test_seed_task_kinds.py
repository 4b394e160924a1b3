import pytest

from volunteers.models import TaskKind

pytestmark = pytest.mark.django_db


def test_national_task_kinds_are_seeded():
    codes = set(TaskKind.objects.national().values_list("code", flat=True))
    assert codes >= {"arrival_help", "furniture", "moving", "guidance", "homework",
                     "language_cafe", "accompany", "language_internship"}
