"""Celery tasks of the reception app (Celery's autodiscovery imports this module)."""
from reception.tasks import reminders  # noqa: F401
from reception.tasks.letters import welcome_letter_task as welcome_letter_task
from reception.tasks.milestones import milestones_recompute_task as milestones_recompute_task
