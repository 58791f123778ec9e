"""Every read of survey results: counts per value, number figures, free text, a filtered group, a
cross-tabulation, the comparison with the earlier round and the CSV of the figures.

Counting happens in the database (GROUP BY question and value over the `surveys_answer_qvr` index), so
a page makes the same few queries however many answers there are. Answer rows exist only for submitted
responses (see `Response`), so answers are counted without a join.

Protecting small groups (k is `survey.anonymity_threshold`):
- Fewer than k submitted responses, or fewer than k in a filtered group: no figure at all. A filter is
  also refused when fewer than k people are *outside* the group, because then the rest could be found
  by taking the group's figures from everyone's.
- A question answered by fewer than k people shows no figure, no number and no free text.
- A value chosen by 1 to k-1 people shows "fewer than k" (primary suppression), never its count or share.
- Secondary suppression: where the counts of a line add up to a total that is shown (a one-choice,
  scale or yes/no question; a row of a cross-tabulation, and its column when the row question is not a
  several-choice one), a line never has exactly one hidden cell: the smallest other cell is hidden too
  (shown as "hidden"), so that the small one cannot be computed back. Several-choice counts do not add
  up to anything, so they need no second hidden cell. Shares are given only for cells that are shown.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .models import (
    COUNTED_KINDS,
    SCALE_VALUES,
    TEXT_KINDS,
    YES_NO_VALUES,
    Answer,
    Question,
    QuestionKind,
    Response,
    Survey,
)

SHOWN, SMALL, HIDDEN = "shown", "small", "hidden"
TEXT_PREVIEW = 5  # free-text answers listed per question on the results page
TEXT_PAGE = 25  # on the page of one question's free-text answers


# Wording in the viewer's language ------------------------------------------------------------------


def _language() -> str:
    return (get_language() or "en").split("-")[0]


def question_text(question: Question, language: str | None = None) -> str:
    words = (question.translations or {}).get(language or _language()) or {}
    return (words.get("text") if isinstance(words, dict) else "") or question.text


def value_labels(question: Question, language: str | None = None) -> list[tuple[str, str]]:
    """The values of a counted question in order, each with its label in the viewer's language."""
    language = language or _language()
    if question.kind == QuestionKind.SCALE:
        words = (question.translations or {}).get(language) or {}
        low = (words.get("scale_low") if isinstance(words, dict) else "") or question.scale_low
        high = (words.get("scale_high") if isinstance(words, dict) else "") or question.scale_high
        ends = {"1": low, "5": high}
        return [(v, f"{v} ({ends[v]})" if ends.get(v) else v) for v in SCALE_VALUES]
    if question.kind == QuestionKind.YES_NO:
        names = {"yes": _("Yes"), "no": _("No"), "dont_know": _("Don't know")}
        return [(v, names[v]) for v in YES_NO_VALUES]
    labels: list[tuple[str, str]] = []
    for choice in question.choices.all():  # prefetched
        translated = (choice.translations or {}).get(language)
        labels.append(
            (choice.value, translated if isinstance(translated, str) and translated else choice.label)
        )
    return labels


# Suppression -------------------------------------------------------------------------------------


def suppress(
    counts: list[list[int]],
    k: int,
    *,
    rows_add: bool,
    columns_add: bool,
    everyone: list[list[int]] | None = None,
) -> list[list[str]]:
    """The state of every cell (SHOWN, SMALL or HIDDEN) by the rules in the module's docstring.
    `everyone` holds the same cells without the filter: a group's cell is hidden too when 1 to k-1
    people outside the group are in it, since everyone's figure minus the group's would show them."""
    states = [[SMALL if 0 < n < k else SHOWN for n in row] for row in counts]
    if everyone is not None:
        for r, row in enumerate(counts):
            for c, n in enumerate(row):
                # A zero needs no hiding: everyone's figure is then the outsiders' and is already hidden.
                if states[r][c] == SHOWN and n and 0 < everyone[r][c] - n < k:
                    states[r][c] = HIDDEN
    lines: list[list[tuple[int, int]]] = []
    if rows_add:
        lines += [[(r, c) for c in range(len(row))] for r, row in enumerate(counts)]
    if columns_add and counts:
        lines += [[(r, c) for r in range(len(counts))] for c in range(len(counts[0]))]
    changed = True
    while changed:
        changed = False
        for line in lines:
            if sum(states[r][c] != SHOWN for r, c in line) != 1:
                continue
            shown = [(counts[r][c] == 0, counts[r][c], r, c) for r, c in line if states[r][c] == SHOWN]
            if shown:  # the smallest cell that is not zero; a zero one only if there is no other
                _zero, _n, r, c = min(shown)
                states[r][c] = HIDDEN
                changed = True
    return states


def _share(n: int, total: int) -> int | None:
    return round(100 * n / total) if total else None


# Results of one survey --------------------------------------------------------------------------


@dataclass
class Cell:
    value: str
    label: str
    count: int | None  # None unless shown
    share: int | None  # whole percent of the question's (or the row's) answers; None unless shown
    state: str

    @property
    def shown(self) -> bool:
        return self.state == SHOWN


@dataclass
class Comparison:
    label: str
    now: int | None  # share in percent, None when hidden
    then: int | None
    now_state: str
    then_state: str


@dataclass
class QuestionResult:
    question: Question
    text: str
    answered: int
    enough: bool  # answered by at least k: figures are shown
    cells: list[Cell] = field(default_factory=list)
    stats: dict[str, Any] | None = None  # number questions: count, mean, median, min, max
    texts: list[str] = field(default_factory=list)
    comparison: list[Comparison] | None = None  # None: no earlier round to compare with
    then_answered: int | None = None

    @property
    def kind(self) -> str:
        return self.question.kind

    @property
    def counted(self) -> bool:
        return self.question.kind in COUNTED_KINDS

    @property
    def is_text(self) -> bool:
        return self.question.kind in TEXT_KINDS

    @property
    def more_texts(self) -> bool:
        return self.enough and self.answered > len(self.texts)


@dataclass
class Group:
    """Respondents who gave `value` to `question` (a filter)."""

    question: Question
    value: str
    label: str
    text: str

    def param(self) -> str:
        return f"{self.question.key}:{self.value}"


@dataclass
class Results:
    survey: Survey
    k: int
    total: int  # submitted responses (of the group, when filtered)
    everyone: int  # submitted responses of the survey
    enough: bool  # at least k: figures are shown
    group: Group | None = None
    refused: str = ""  # why a filter is refused
    questions: list[QuestionResult] = field(default_factory=list)
    previous: Survey | None = None
    previous_enough: bool = False


def survey_questions(survey: Survey) -> list[Question]:
    return list(
        survey.questions.select_related("section")
        .prefetch_related("choices")
        .order_by("section__position", "section_id", "position", "id")
    )


def counted(questions: Iterable[Question]) -> list[Question]:
    return [q for q in questions if q.kind in COUNTED_KINDS]


def group_from_param(questions: list[Question], raw: str) -> Group | None:
    """The group of a filter written `key:value`, or None if there is no such question and value."""
    key, _sep, value = (raw or "").partition(":")
    for question in counted(questions):
        if question.key == key:
            for v, label in value_labels(question):
                if v == value:
                    return Group(question, v, label, question_text(question))
    return None


def _in_group(group: Group | None) -> Q:
    if group is None:
        return Q()
    return Q(
        response_id__in=Answer.objects.filter(question=group.question, value=group.value).values(
            "response_id"
        )
    )


def _submitted(survey: Survey) -> int:
    return Response.objects.filter(survey=survey, submitted_at__isnull=False).count()


def _group_size(group: Group) -> int:
    return Answer.objects.filter(question=group.question, value=group.value).aggregate(
        n=Count("response_id", distinct=True)
    )["n"]


def _value_counts(questions: list[Question], where: Q) -> dict[int, dict[str, int]]:
    ids = [q.pk for q in counted(questions)]
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    if ids:
        rows = (
            Answer.objects.filter(where, question_id__in=ids)
            .values_list("question_id", "value")
            .annotate(n=Count("*"))
            .order_by()
        )
        for question_id, value, n in rows:
            counts[question_id][value] = n
    return counts


def _respondents(questions: list[Question], where: Q) -> dict[int, int]:
    """How many people answered each several-choice or text question (one-row kinds are summed)."""
    ids = [q.pk for q in questions if q.kind == QuestionKind.MULTIPLE or q.kind in TEXT_KINDS]
    if not ids:
        return {}
    rows = (
        Answer.objects.filter(where, question_id__in=ids)
        .exclude(Q(value="") & Q(text=""))
        .values_list("question_id")
        .annotate(n=Count("response_id", distinct=True))
        .order_by()
    )
    return dict(rows)


def _number_stats(questions: list[Question], group: Group | None) -> dict[int, dict[str, Any]]:
    """Count, mean, median, smallest and largest of each number question, from one query that counts
    each number (survey numbers are few and small, so the list of distinct numbers is short)."""
    ids = [q.pk for q in questions if q.kind == QuestionKind.NUMBER]
    if not ids:
        return {}
    rows = (
        Answer.objects.filter(_in_group(group), question_id__in=ids, number__isnull=False)
        .values_list("question_id", "number")
        .annotate(n=Count("*"))
        .order_by("question_id", "number")
    )
    spread: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for question_id, number, n in rows:
        spread[question_id].append((number, n))
    return {question_id: _describe(pairs) for question_id, pairs in spread.items()}


def _describe(pairs: list[tuple[int, int]]) -> dict[str, Any]:
    """Figures of numbers given as (number, how many) in rising order."""
    count = sum(n for _number, n in pairs)
    middle = []
    seen = 0
    for number, n in pairs:  # the number at place count // 2 (and the one before it, if count is even)
        for place in sorted({(count - 1) // 2, count // 2}):
            if seen <= place < seen + n:
                middle.append(number)
        seen += n
    return {
        "count": count,
        "mean": sum(number * n for number, n in pairs) / count,
        "median": statistics.mean(middle),
        "min": pairs[0][0],
        "max": pairs[-1][0],
    }


def _where_sql(group: Group | None, column: str) -> tuple[str, list]:
    """`AND column IN (responses of the group)` for the raw queries, or nothing."""
    if group is None:
        return "", []
    inner = Answer.objects.filter(question=group.question, value=group.value).values("response_id")
    sql, params = inner.query.sql_with_params()  # quoted right for either database
    return f" AND {column} IN ({sql})", list(params)


def _text_previews(questions: list[Question], group: Group | None, limit: int) -> dict[int, list[str]]:
    ids = [q.pk for q in questions if q.kind in TEXT_KINDS]
    if not ids:
        return {}
    table = Answer._meta.db_table
    extra, params = _where_sql(group, "response_id")
    marks = ", ".join(["%s"] * len(ids))
    # Only the table name and placeholders go into the text; every value is a parameter.
    sql = (
        f"SELECT question_id, text FROM (SELECT question_id, text, "  # noqa: S608
        f"ROW_NUMBER() OVER (PARTITION BY question_id ORDER BY id) AS rn FROM {table} "
        f"WHERE question_id IN ({marks}) AND text <> ''{extra}) firsts WHERE rn <= %s ORDER BY question_id, rn"
    )
    texts: dict[int, list[str]] = defaultdict(list)
    with connection.cursor() as cursor:
        cursor.execute(sql, [*ids, *params, limit])
        for question_id, text in cursor.fetchall():
            texts[question_id].append(text)
    return texts


def _cells(
    question: Question, counts: dict[str, int], k: int, everyone: dict[str, int] | None = None
) -> tuple[list[Cell], int]:
    """The cells of a counted question, and how many people answered it (one-row kinds)."""
    labels = value_labels(question)
    known = {v for v, _label in labels}
    labels += [
        (v, v) for v in sorted({*counts, *(everyone or {})}) if v and v not in known
    ]  # removed choices
    numbers = [counts.get(v, 0) for v, _label in labels]
    states = suppress(
        [numbers],
        k,
        rows_add=question.kind != QuestionKind.MULTIPLE,
        columns_add=False,
        everyone=None if everyone is None else [[everyone.get(v, 0) for v, _label in labels]],
    )[0]
    answered = sum(numbers)
    return [
        Cell(v, label, n if state == SHOWN else None, None, state)
        for (v, label), n, state in zip(labels, numbers, states, strict=True)
    ], answered


def _finish_shares(cells: list[Cell], total: int) -> None:
    for cell in cells:
        if cell.shown and cell.count is not None:
            cell.share = _share(cell.count, total)


def _counted_results(
    questions: list[Question], where: Q, k: int, people: dict[int, int] | None = None
) -> dict[int, tuple[list[Cell], int]]:
    counts = _value_counts(questions, where)
    everyone = _value_counts(questions, Q()) if where else None
    people = _respondents(questions, where) if people is None else people
    out = {}
    for question in counted(questions):
        cells, answered = _cells(
            question,
            counts.get(question.pk, {}),
            k,
            None if everyone is None else everyone.get(question.pk, {}),
        )
        if question.kind == QuestionKind.MULTIPLE:
            answered = people.get(question.pk, 0)
        out[question.pk] = (cells, answered)
    return out


def check_group(survey: Survey, group: Group | None) -> Results:
    """How many responses there are (in the group), and whether their figures may be shown."""
    k = survey.anonymity_threshold
    everyone = _submitted(survey)
    results = Results(survey=survey, k=k, total=everyone, everyone=everyone, enough=everyone >= k)
    if not results.enough or group is None:
        return results
    results.group = group
    size = _group_size(group)
    results.total = size
    if size < k:
        results.enough = False
        results.refused = _(
            "Fewer than %(k)s people are in this group, so its results are not shown. "
            "This protects the people who answered."
        ) % {"k": k}
    elif 0 < everyone - size < k:
        results.enough = False
        results.refused = _(
            "Fewer than %(k)s people are outside this group, so its results are not shown: they "
            "could be worked out from everyone's results. This protects the people who answered."
        ) % {"k": k}
    return results


def survey_results(
    survey: Survey,
    *,
    group: Group | None = None,
    texts: int = TEXT_PREVIEW,
    questions: list[Question] | None = None,
) -> Results:
    results = check_group(survey, group)
    if not results.enough:
        return results
    k = results.k
    where = _in_group(group)
    questions = survey_questions(survey) if questions is None else questions
    people = _respondents(questions, where)
    counted_now = _counted_results(questions, where, k, people)
    numbers = _number_stats(questions, group)
    previews = _text_previews(questions, group, texts)
    for question in questions:
        item = QuestionResult(question=question, text=question_text(question), answered=0, enough=False)
        if question.pk in counted_now:
            item.cells, item.answered = counted_now[question.pk]
            item.enough = item.answered >= k
            if item.enough:
                _finish_shares(item.cells, item.answered)
            else:
                item.cells = []
        elif question.kind == QuestionKind.NUMBER:
            stats = numbers.get(question.pk)
            item.answered = stats["count"] if stats else 0
            item.enough = item.answered >= k
            if item.enough and stats:
                item.stats = {
                    "count": stats["count"],
                    "mean": round(float(stats["mean"]), 1),
                    "median": stats.get("median"),
                    "min": stats["min"],
                    "max": stats["max"],
                }
        elif question.kind in TEXT_KINDS:
            item.answered = people.get(question.pk, 0)
            item.enough = item.answered >= k
            item.texts = previews.get(question.pk, []) if item.enough else []
        results.questions.append(item)
    _compare(results, group)
    return results


def _compare(results: Results, group: Group | None) -> None:
    """Shares now and in the earlier round, per question with the same key (each round keeps its own k)."""
    survey = results.survey
    if not survey.previous_id:
        return
    previous = survey.previous  # the view loads it with the survey
    if previous is None:
        return
    results.previous = previous
    k = previous.anonymity_threshold
    then_questions = {q.key: q for q in survey_questions(previous) if q.kind in COUNTED_KINDS}
    then_group = None
    if group is not None:
        then_question = then_questions.get(group.question.key)
        if then_question is None or then_question.kind != group.question.kind:
            return
        then_group = Group(then_question, group.value, group.label, group.text)
    everyone = _submitted(previous)
    size = _group_size(then_group) if then_group else everyone
    if size < k or (then_group and 0 < everyone - size < k):
        return
    results.previous_enough = True
    matched = [
        then_questions[item.question.key]
        for item in results.questions
        if item.counted
        and item.question.key in then_questions
        and then_questions[item.question.key].kind == item.question.kind
    ]
    counted_then = _counted_results(matched, _in_group(then_group), k)
    by_key = {q.key: q for q in matched}
    for item in results.questions:
        then_question = by_key.get(item.question.key)
        if then_question is None or not item.enough:
            continue
        then_cells, then_answered = counted_then[then_question.pk]
        item.then_answered = then_answered if then_answered >= k else None
        then_by_value = {c.value: c for c in then_cells} if then_answered >= k else {}
        if then_answered >= k:
            _finish_shares(then_cells, then_answered)
        item.comparison = []
        for cell in item.cells:
            then_cell = then_by_value.get(cell.value)
            item.comparison.append(
                Comparison(
                    label=cell.label,
                    now=cell.share,
                    then=then_cell.share if then_cell else None,
                    now_state=cell.state,
                    then_state=then_cell.state if then_cell else SHOWN,
                )
            )


# Free text of one question ------------------------------------------------------------------------


def text_answers(question: Question, group: Group | None = None) -> QuerySet[Answer]:
    return (
        Answer.objects.filter(_in_group(group), question=question)
        .exclude(text="")
        .order_by("id")
        .only("id", "text")
    )


# Cross-tabulation ------------------------------------------------------------------------------


@dataclass
class CrossRow:
    value: str
    label: str
    total: int | None  # None unless shown
    total_state: str
    cells: list[Cell]


@dataclass
class CrossTab:
    rows_question: Question
    columns_question: Question
    rows_text: str
    columns_text: str
    columns: list[tuple[str, str]]
    rows: list[CrossRow]
    k: int


def crosstab(
    survey: Survey, rows_question: Question, columns_question: Question, *, group: Group | None = None
) -> CrossTab:
    """Counts of every pair of values (one query joining Answer to Answer on the response) and row
    shares. The caller has checked that the survey (or group) has at least k responses."""
    k = survey.anonymity_threshold
    pairs = _pairs(rows_question, columns_question, group)
    everyone = _pairs(rows_question, columns_question, None) if group else None
    row_totals = _row_totals(rows_question, columns_question, group, pairs)
    row_labels = value_labels(rows_question)
    column_labels = value_labels(columns_question)
    matrix = [[pairs.get((r, c), 0) for c, _l in column_labels] for r, _l in row_labels]
    totals = [row_totals.get(r, 0) for r, _l in row_labels]
    states = suppress(
        matrix,
        k,
        rows_add=columns_question.kind != QuestionKind.MULTIPLE,
        columns_add=rows_question.kind != QuestionKind.MULTIPLE,
        everyone=None
        if everyone is None
        else [[everyone.get((r, c), 0) for c, _l in column_labels] for r, _l in row_labels],
    )
    rows = []
    for (r, label), numbers, row_states, total in zip(row_labels, matrix, states, totals, strict=True):
        small_row = total < k
        cells = []
        for (c, column_label), n, state in zip(column_labels, numbers, row_states, strict=True):
            if small_row:  # the whole row is "fewer than k", zeros too, so none can be told apart
                state = SMALL
            shown = state == SHOWN
            cells.append(
                Cell(c, column_label, n if shown else None, _share(n, total) if shown else None, state)
            )
        total_state = SHOWN if total == 0 or total >= k else SMALL
        rows.append(CrossRow(r, label, total if total_state == SHOWN else None, total_state, cells))
    return CrossTab(
        rows_question,
        columns_question,
        question_text(rows_question),
        question_text(columns_question),
        column_labels,
        rows,
        k,
    )


def _pairs(
    rows_question: Question, columns_question: Question, group: Group | None
) -> dict[tuple[str, str], int]:
    table = Answer._meta.db_table
    extra, params = _where_sql(group, "a.response_id")
    # Only the table name and placeholders go into the text; every value is a parameter.
    sql = (
        f"SELECT a.value, b.value, COUNT(*) FROM {table} a "  # noqa: S608
        f"JOIN {table} b ON b.response_id = a.response_id "
        f"WHERE a.question_id = %s AND b.question_id = %s{extra} GROUP BY a.value, b.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [rows_question.pk, columns_question.pk, *params])
        return {(row_value, column_value): n for row_value, column_value, n in cursor.fetchall()}


def _row_totals(
    rows_question: Question, columns_question: Question, group: Group | None, pairs: dict
) -> dict[str, int]:
    """People in each row who answered the column question."""
    if columns_question.kind != QuestionKind.MULTIPLE:
        totals: dict[str, int] = defaultdict(int)
        for (row_value, _column_value), n in pairs.items():
            totals[row_value] += n
        return totals
    table = Answer._meta.db_table
    extra, params = _where_sql(group, "a.response_id")
    # Only the table name and placeholders go into the text; every value is a parameter.
    sql = (
        f"SELECT a.value, COUNT(DISTINCT a.response_id) FROM {table} a "  # noqa: S608
        f"JOIN {table} b ON b.response_id = a.response_id "
        f"WHERE a.question_id = %s AND b.question_id = %s{extra} GROUP BY a.value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [rows_question.pk, columns_question.pk, *params])
        return dict(cursor.fetchall())


# CSV --------------------------------------------------------------------------------------------


def csv_safe(value: Any) -> Any:
    """Spreadsheets run cells that start with these characters as formulas."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _csv_count(cell: Cell, k: int) -> tuple[Any, Any]:
    if cell.state == SMALL:
        return _("fewer than %(k)s") % {"k": k}, ""
    if cell.state == HIDDEN:
        return _("hidden"), ""
    return cell.count, "" if cell.share is None else cell.share


def csv_rows(results: Results, table: CrossTab | None = None) -> list[list[Any]]:
    """The figures (never single responses) as rows, with the same protection as the page."""
    k = results.k
    rows: list[list[Any]] = [["section", "question", "value", "label", "count", "share_percent"]]
    if not results.enough:
        message = results.refused or _(
            "Fewer than %(k)s answers: results are shown when there are at least %(k)s."
        ) % {"k": k}
        rows.append(["note", "", "", message, "", ""])
        return [[csv_safe(v) for v in row] for row in rows]
    group = results.group
    rows.append(["responses", "", "", group.param() if group else "", results.total, ""])
    for item in results.questions:
        if item.is_text:
            continue
        if not item.enough:
            rows.append(["question", item.question.key, "", item.text, _("fewer than %(k)s") % {"k": k}, ""])
            continue
        rows.append(["answered", item.question.key, "", item.text, item.answered, ""])
        for cell in item.cells:
            count, share = _csv_count(cell, k)
            rows.append(["value", item.question.key, cell.value, cell.label, count, share])
        if item.stats:
            for name in ("mean", "median", "min", "max"):
                rows.append(["number", item.question.key, name, item.text, item.stats[name], ""])
    if table is not None:
        for row in table.rows:
            for cell in row.cells:
                count, share = _csv_count(cell, k)
                rows.append(
                    [
                        "crosstab",
                        f"{table.rows_question.key}={row.value}",
                        f"{table.columns_question.key}={cell.value}",
                        f"{row.label} / {cell.label}",
                        count,
                        share,
                    ]
                )
    return [[csv_safe(v) for v in row] for row in rows]
