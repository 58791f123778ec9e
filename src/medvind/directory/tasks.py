"""Scheduled work of the directory, run through django.tasks (`manage.py directory_tasks` daily)."""

from django.tasks import task

from . import panel


@task()
def send_panel_reminders() -> int:
    return panel.send_due_reminders()
