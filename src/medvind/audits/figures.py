"""The figures of an audit's questionnaires for its report: counted questions with their shares, each
protected by its survey's anonymity threshold (surveys.results does the counting and the protecting).
Taken as plain data when the report is published, so the report keeps them after the raw answers are
deleted; drawn as bar charts with the same figures in a table."""

from typing import Any

from django.db.models import Exists, OuterRef
from django.utils import translation

from medvind.surveys import charts
from medvind.surveys.models import Survey, SurveyStatus
from medvind.surveys.results import Cell, survey_results

from .models import Audit


def latest_surveys(audit: Audit) -> list[Survey]:
    """The space's used questionnaires that no later round in the space replaces."""
    later = Survey.objects.filter(space=audit.space, previous=OuterRef("pk"))
    return list(
        audit.space.surveys.exclude(status=SurveyStatus.DRAFT)
        .exclude(Exists(later))
        .order_by("created_at", "pk")
    )


def take(audit: Audit) -> list[dict[str, Any]]:
    """The figures as they are now, in the space's language."""
    taken = []
    with translation.override(audit.space.language):
        for survey in latest_surveys(audit):
            found = survey_results(survey, texts=0)
            entry: dict[str, Any] = {
                "title": survey.title,
                "total": found.total,
                "k": found.k,
                "questions": [],
            }
            if found.enough:
                for item in found.questions:
                    if item.counted and item.enough:
                        entry["questions"].append(
                            {
                                "text": item.text,
                                "answered": item.answered,
                                "cells": [
                                    {
                                        "value": c.value,
                                        "label": c.label,
                                        "count": c.count,
                                        "share": c.share,
                                        "state": c.state,
                                    }
                                    for c in item.cells
                                ],
                            }
                        )
            taken.append(entry)
    return taken


def for_report(audit: Audit) -> list[dict[str, Any]]:
    """The published figures, or (before publication) the figures as they are now, with chart bars."""
    figures = audit.results_snapshot if audit.results_snapshot is not None else take(audit)
    for entry in figures:
        for question in entry["questions"]:
            cells = [Cell(**cell) for cell in question["cells"]]
            question["bars"] = charts.bars(cells, entry["k"])
            question["height"] = charts.height(cells)
    return figures
