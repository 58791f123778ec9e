"""Scheduled work for surveys (`manage.py survey_tasks`, daily): answers that were started and never
sent are deleted after UNSENT_DAYS, so abandoned drafts do not pile up (their private links stop working)."""

import datetime as dt

from django.tasks import task
from django.utils import timezone

from .models import Response

UNSENT_DAYS = 60


@task()
def delete_unsent_responses() -> int:
    cutoff = timezone.now() - dt.timedelta(days=UNSENT_DAYS)
    deleted, _by_model = Response.objects.filter(submitted_at__isnull=True, started_at__lt=cutoff).delete()
    return deleted
