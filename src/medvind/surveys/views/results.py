"""The results of a survey: figures, charts and tables, a filtered group, a cross-tabulation, the
comparison with the earlier round, free-text answers and the CSV of the figures. Every figure comes
from `surveys.results`, which keeps small groups hidden."""

import csv
from typing import Any, cast
from urllib.parse import urlencode

from django import forms
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from medvind.core import selectors as core_selectors
from medvind.core.errors import NotAllowed
from medvind.core.pagination import paginate

from .. import charts
from .. import results as figures
from ..models import TEXT_KINDS, Question, Survey

PERM = "surveys.view_results"


def _survey(request: HttpRequest, slug: str, pk: int) -> Survey:
    space = core_selectors.space_get(request.user, slug)
    survey = Survey.objects.filter(space=space, pk=pk).select_related("space", "previous").first()
    if survey is None:
        raise Http404
    if not request.user.has_perm(PERM, survey):
        raise NotAllowed(PERM)
    return survey


class ResultsForm(forms.Form):
    """What to show: everyone or one group, and which two questions to cross-tabulate."""

    group = forms.ChoiceField(
        label=gettext_lazy("Show the answers of"),
        required=False,
        help_text=gettext_lazy("Only people who gave this answer are counted."),
    )
    rows = forms.ChoiceField(label=gettext_lazy("Compare the answers to"), required=False)
    columns = forms.ChoiceField(label=gettext_lazy("with the answers to"), required=False)

    def __init__(self, *args: Any, questions: list[Question], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        counted = figures.counted(questions)
        groups: list[Any] = [("", _("Everyone"))]
        for q in counted:
            text = figures.question_text(q)
            groups.append((text, [(f"{q.key}:{v}", label) for v, label in figures.value_labels(q)]))
        cast(forms.ChoiceField, self.fields["group"]).choices = groups
        keys = [("", _("Choose a question"))] + [(q.key, figures.question_text(q)) for q in counted]
        cast(forms.ChoiceField, self.fields["rows"]).choices = keys
        cast(forms.ChoiceField, self.fields["columns"]).choices = keys

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        rows, columns = data.get("rows"), data.get("columns")
        if rows and not columns and "columns" not in self.errors:
            self.add_error("columns", _("Choose a second question to compare with."))
        elif columns and not rows and "rows" not in self.errors:
            self.add_error("rows", _("Choose a first question to compare."))
        elif rows and rows == columns:
            self.add_error("columns", _("Choose two different questions."))
        return data

    def chosen_group(self) -> figures.Group | None:
        if not self.is_valid() and "group" in self.errors:
            return None
        return figures.group_from_param(self.questions, self.cleaned_data.get("group", ""))

    def chosen_pair(self) -> tuple[Question, Question] | None:
        if not self.is_valid():
            return None
        by_key = {q.key: q for q in self.questions}
        rows, columns = self.cleaned_data.get("rows"), self.cleaned_data.get("columns")
        if rows and columns:
            return by_key[rows], by_key[columns]
        return None


def results(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    survey = _survey(request, slug, pk)
    questions = figures.survey_questions(survey)
    form = ResultsForm(request.GET or None, questions=questions)
    if form.is_bound:
        form.is_valid()
    group = form.chosen_group() if form.is_bound else None
    found = figures.survey_results(survey, group=group, questions=questions)
    pair = form.chosen_pair() if form.is_bound and found.enough else None
    table = figures.crosstab(survey, *pair, group=group) if pair else None
    if request.GET.get("format") == "csv":
        return _csv(survey, found, table)
    items = [
        {
            "result": item,
            "bars": charts.bars(item.cells, found.k) if item.counted and item.enough else [],
            "height": charts.height(item.cells),
        }
        for item in found.questions
    ]
    params = request.GET.copy()
    params.pop("format", None)
    return render(
        request,
        "surveys/results/page.html",
        {
            "space": survey.space,
            "survey": survey,
            "found": found,
            "items": items,
            "form": form,
            "table": table,
            "query": params.urlencode(),
            "group_query": urlencode({"group": group.param()}) if group else "",
        },
    )


def _csv(survey: Survey, found: figures.Results, table: figures.CrossTab | None) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.csv"'
    writer = csv.writer(response)
    writer.writerows(figures.csv_rows(found, table))
    return response


def texts(request: HttpRequest, slug: str, pk: int, question: int) -> HttpResponse:
    """Every free-text answer to one question, a page at a time, when at least k people answered it."""
    survey = _survey(request, slug, pk)
    questions = figures.survey_questions(survey)
    item = next((q for q in questions if q.pk == question and q.kind in TEXT_KINDS), None)
    if item is None:
        raise Http404
    group = figures.group_from_param(questions, request.GET.get("group", ""))
    found = figures.check_group(survey, group)
    page = paginate(request, figures.text_answers(item, group), figures.TEXT_PAGE) if found.enough else None
    # The page's count is the number of answers: too few, and none is shown.
    enough = page is not None and page.paginator.count >= found.k
    return render(
        request,
        "surveys/results/texts.html",
        {
            "space": survey.space,
            "survey": survey,
            "found": found,
            "question": item,
            "question_text": figures.question_text(item),
            "enough": enough,
            "page": page,
            "group": group,
        },
    )
