"""The figures of a survey are counted in the database and keep small groups hidden."""

import pytest

from medvind.surveys import results as figures
from medvind.surveys.models import Choice, QuestionKind
from medvind.surveys.results import HIDDEN, SHOWN, SMALL, suppress

from .factories import make_survey, record

pytestmark = pytest.mark.django_db


def by_key(found):
    return {item.question.key: item for item in found.questions}


def cells(item):
    return {cell.value: cell for cell in item.cells}


def answers_of_twelve(survey):
    """Twelve people in a home-support audit: ages 6 / 4 / 2, everyone gets help at home."""
    ages = ["30-60"] * 6 + ["under-30"] * 4 + ["over-60"] * 2
    for i, age in enumerate(ages):
        record(
            survey,
            {
                "age": age,
                "help": ["home", "money"] if i < 7 else ["home"],
                "respect": str(5 - i % 2),
                "plan": "yes" if i < 9 else "no",
                "visits": i,  # 0 … 11
                "better": f"Fler besök på kvällen, nummer {i}",
            },
        )


def test_counts_shares_and_people_who_answered(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    found = figures.survey_results(survey)
    assert found.enough and found.total == 12
    age = cells(by_key(found)["age"])
    assert (age["30-60"].count, age["30-60"].share) == (6, 50)
    # Two over 60 is fewer than three: hidden, and so is the smallest other one (secondary rule).
    assert age["over-60"].state == SMALL and age["over-60"].count is None and age["over-60"].share is None
    assert age["under-30"].state == HIDDEN and age["under-30"].count is None
    assert by_key(found)["age"].answered == 12


def test_labels_of_choices_are_in_the_viewers_language(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    Choice.objects.filter(question__survey=survey, value="home").update(translations={"sv": "Hemma"})
    answers_of_twelve(survey)
    from django.utils import translation

    with translation.override("sv"):
        found = figures.survey_results(survey)
    assert cells(by_key(found)["help"])["home"].label == "Hemma"
    assert cells(by_key(found)["plan"])["yes"].label != "yes"


def test_several_choices_are_counted_once_per_value_and_shares_are_of_people(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    item = by_key(figures.survey_results(survey))["help"]
    assert item.answered == 12
    assert (cells(item)["home"].count, cells(item)["home"].share) == (12, 100)
    assert (cells(item)["money"].count, cells(item)["money"].share) == (7, 58)
    assert cells(item)["work"].count == 0  # zero is not a small group


def test_scale_and_yes_no_are_counted_per_value(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    found = by_key(figures.survey_results(survey))
    respect = cells(found["respect"])
    assert [respect[v].count for v in "12345"] == [0, 0, 0, 6, 6]
    assert (cells(found["plan"])["yes"].count, cells(found["plan"])["no"].count) == (9, 3)


def test_number_questions_give_count_mean_median_smallest_and_largest(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    stats = by_key(figures.survey_results(survey))["visits"].stats
    assert stats == {"count": 12, "mean": 5.5, "median": 5.5, "min": 0, "max": 11}


def test_median_of_an_odd_number_of_answers_is_the_middle_one(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    for n in (7, 1, 3, 50, 2):
        record(survey, {"visits": n})
    assert by_key(figures.survey_results(survey))["visits"].stats["median"] == 3


def test_a_question_answered_by_fewer_than_k_shows_no_figure(world):
    survey = make_survey(world.members_only, anonymity_threshold=5)
    for i in range(6):
        record(survey, {"age": "30-60", **({"visits": 3, "better": "Mer tid"} if i < 4 else {})})
    found = by_key(figures.survey_results(survey))
    assert found["age"].enough
    assert not found["visits"].enough and found["visits"].stats is None
    assert not found["better"].enough and found["better"].texts == []
    assert not found["plan"].enough and found["plan"].cells == []


def test_fewer_than_k_responses_give_no_figures_at_all(world):
    survey = make_survey(world.members_only, anonymity_threshold=5)
    for _ in range(4):
        record(survey, {"age": "30-60", "plan": "yes"})
    found = figures.survey_results(survey)
    assert not found.enough and found.questions == []


def test_free_text_lists_the_first_answers(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    item = by_key(figures.survey_results(survey, texts=5))["better"]
    assert item.answered == 12 and len(item.texts) == 5 and item.more_texts
    assert item.texts[0] == "Fler besök på kvällen, nummer 0"


# Secondary suppression ------------------------------------------------------------------------


def test_one_small_cell_in_a_line_hides_the_smallest_other_one():
    assert suppress([[10, 2, 7, 0]], 5, rows_add=True, columns_add=False) == [[SHOWN, SMALL, HIDDEN, SHOWN]]


def test_two_small_cells_need_nothing_more():
    assert suppress([[10, 2, 3]], 5, rows_add=True, columns_add=False) == [[SHOWN, SMALL, SMALL]]


def test_counts_that_do_not_add_up_hide_only_the_small_cell():
    assert suppress([[10, 2, 7]], 5, rows_add=False, columns_add=False) == [[SHOWN, SMALL, SHOWN]]


def test_the_second_hidden_cell_is_one_that_is_not_zero():
    assert suppress([[9, 2, 0]], 5, rows_add=True, columns_add=False) == [[HIDDEN, SMALL, SHOWN]]


def test_a_zero_cell_is_hidden_when_there_is_no_other():
    # The column rule hid the 9 in the first row; the second row's only other cell is zero.
    states = suppress([[9, 2], [0, 6]], 5, rows_add=True, columns_add=True)
    assert states == [[HIDDEN, SMALL], [HIDDEN, HIDDEN]]


def test_rows_and_columns_never_keep_exactly_one_hidden_cell():
    counts = [[20, 2, 8], [9, 30, 12], [15, 11, 40]]
    states = suppress(counts, 5, rows_add=True, columns_add=True)
    for line in [*states, *zip(*states, strict=True)]:
        assert sum(s != SHOWN for s in line) != 1


def test_a_small_cell_cannot_be_worked_out_from_the_total_and_the_other_shares(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    item = by_key(figures.survey_results(survey))["age"]
    shown = [c.count for c in item.cells if c.shown]
    assert len(shown) == 1 and item.answered - sum(shown) == 6  # two hidden cells share six people


# Filter ---------------------------------------------------------------------------------------


def test_a_filter_counts_only_the_group(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    questions = figures.survey_questions(survey)
    group = figures.group_from_param(questions, "age:30-60")
    found = figures.survey_results(survey, group=group, questions=questions)
    assert found.enough and found.total == 6
    assert cells(by_key(found)["age"])["30-60"].count == 6
    assert by_key(found)["visits"].stats["max"] == 5  # the first six people are 30 to 60
    assert by_key(found)["visits"].stats["min"] == 0


def test_a_filter_for_a_group_smaller_than_k_is_refused(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    group = figures.group_from_param(figures.survey_questions(survey), "age:over-60")
    found = figures.survey_results(survey, group=group)
    assert not found.enough and "Fewer than 3 people are in this group" in found.refused
    assert found.questions == []


def test_a_filter_that_leaves_fewer_than_k_outside_is_refused(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    group = figures.group_from_param(figures.survey_questions(survey), "help:home")
    assert figures.survey_results(survey, group=group).enough  # all twelve: nobody outside
    group = figures.group_from_param(figures.survey_questions(survey), "plan:yes")
    found = figures.survey_results(survey, group=group)  # 9 in, 3 out: fine with k = 3
    assert found.enough
    survey.anonymity_threshold = 4
    found = figures.survey_results(survey, group=group)  # 3 out is fewer than 4
    assert not found.enough and "outside this group" in found.refused


def test_a_filter_for_a_question_or_value_that_does_not_exist_is_no_group(world):
    survey = make_survey(world.members_only)
    questions = figures.survey_questions(survey)
    for raw in ("", "age", "age:", "age:over-99", "nope:yes", "' OR 1=1 --", "<script>alert(1)</script>:x"):
        assert figures.group_from_param(questions, raw) is None
    assert figures.group_from_param(questions, "better:x") is None  # free text is no group


# Cross-tabulation -----------------------------------------------------------------------------


def test_crosstab_counts_pairs_with_row_shares_and_hides_small_cells(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)  # plan: yes for people 0 … 8, no for 9 … 11
    questions = {q.key: q for q in figures.survey_questions(survey)}
    table = figures.crosstab(survey, questions["age"], questions["plan"])
    rows = {row.value: row for row in table.rows}
    middle = {c.value: c for c in rows["30-60"].cells}
    assert rows["30-60"].total == 6 and (middle["yes"].count, middle["yes"].share) == (6, 100)
    young = {c.value: c for c in rows["under-30"].cells}  # people 6 … 9: yes 3, no 1
    assert young["no"].state == SMALL and young["no"].count is None
    assert young["yes"].state != SHOWN  # the row total would give the small one away
    assert rows["over-60"].total is None and rows["over-60"].total_state == SMALL


def test_crosstab_with_several_choices_counts_each_value(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    questions = {q.key: q for q in figures.survey_questions(survey)}
    table = figures.crosstab(survey, questions["plan"], questions["help"])
    yes = {c.value: c for c in next(r for r in table.rows if r.value == "yes").cells}
    assert yes["home"].count == 9 and yes["money"].count == 7
    assert next(r for r in table.rows if r.value == "yes").total == 9


def test_crosstab_respects_the_filter(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    questions = figures.survey_questions(survey)
    by = {q.key: q for q in questions}
    group = figures.group_from_param(questions, "help:money")  # people 0 … 6
    table = figures.crosstab(survey, by["plan"], by["respect"], group=group)
    yes = next(r for r in table.rows if r.value == "yes")
    assert yes.total == 7


# Comparison with the earlier round -------------------------------------------------------------


def test_shares_are_compared_with_the_earlier_round_by_question_key(world):
    before = make_survey(world.members_only, anonymity_threshold=3, status="closed")
    for answer in ["yes"] * 3 + ["no"] * 3:
        record(before, {"plan": answer})
    survey = make_survey(world.members_only, anonymity_threshold=3, previous=before)
    answers_of_twelve(survey)
    found = figures.survey_results(survey)
    comparison = {c.label: c for c in by_key(found)["plan"].comparison}
    assert (comparison["Yes"].now, comparison["Yes"].then) == (75, 50)
    assert (comparison["No"].now, comparison["No"].then) == (25, 50)
    assert by_key(found)["age"].then_answered is None  # nobody answered it then


def test_an_earlier_round_with_fewer_than_k_is_not_compared(world):
    before = make_survey(world.members_only, anonymity_threshold=5, status="closed")
    for answer in ["yes"] * 4:
        record(before, {"plan": answer})
    survey = make_survey(world.members_only, anonymity_threshold=3, previous=before)
    answers_of_twelve(survey)
    found = figures.survey_results(survey)
    assert not found.previous_enough and by_key(found)["plan"].comparison is None


def test_small_cells_of_the_earlier_round_are_hidden(world):
    before = make_survey(world.members_only, anonymity_threshold=3, status="closed")
    for answer in ["yes"] * 8 + ["no"] * 1 + ["dont_know"] * 4:
        record(before, {"plan": answer})
    survey = make_survey(world.members_only, anonymity_threshold=3, previous=before)
    answers_of_twelve(survey)
    comparison = {c.label: c for c in by_key(figures.survey_results(survey))["plan"].comparison}
    assert comparison["No"].then is None and comparison["No"].then_state == SMALL
    assert comparison["Don't know"].then is None and comparison["Don't know"].then_state == HIDDEN


def test_a_question_whose_kind_changed_is_not_compared(world):
    before = make_survey(
        world.members_only,
        anonymity_threshold=3,
        questions=[("plan", QuestionKind.SCALE, "How good is your plan?", [])],
    )
    for _ in range(5):
        record(before, {"plan": "3"})
    survey = make_survey(world.members_only, anonymity_threshold=3, previous=before)
    answers_of_twelve(survey)
    assert by_key(figures.survey_results(survey))["plan"].comparison is None


# CSV --------------------------------------------------------------------------------------------


def test_csv_rows_never_hold_a_small_count(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)
    rows = figures.csv_rows(figures.survey_results(survey))
    over_60 = next(r for r in rows if r[0] == "value" and r[2] == "over-60")
    assert over_60[4] == "fewer than 3" and over_60[5] == ""
    under_30 = next(r for r in rows if r[0] == "value" and r[2] == "under-30")
    assert under_30[4] == "hidden"


def test_a_group_cell_is_hidden_when_everyone_minus_the_group_would_be_a_small_count(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    answers_of_twelve(survey)  # under 30: four people, three of them have a plan
    group = figures.group_from_param(figures.survey_questions(survey), "plan:yes")
    age = cells(by_key(figures.survey_results(survey, group=group))["age"])
    everyone = cells(by_key(figures.survey_results(survey))["age"])
    # Three in the group is enough, but 4 - 3 would show the one under 30 without a plan.
    assert everyone["under-30"].state == HIDDEN or everyone["under-30"].count == 4
    assert age["under-30"].count is None and age["under-30"].state == HIDDEN
    assert age["30-60"].count is None  # and one more, so that it cannot be worked out from the total
    assert age["over-60"].count == 0


def test_a_crosstab_cell_of_a_group_is_hidden_when_the_rest_would_be_a_small_count(world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    people = [("5", "yes", "30-60")] * 8 + [("4", "yes", "30-60")] * 2
    people += [("4", "no", "under-30")] * 5 + [("5", "no", "under-30")] * 5
    for respect, plan, age in people:
        record(survey, {"respect": respect, "plan": plan, "age": age})
    questions = figures.survey_questions(survey)
    by = {q.key: q for q in questions}
    group = figures.group_from_param(questions, "respect:5")  # 13 people, 7 outside
    table = figures.crosstab(survey, by["plan"], by["age"], group=group)
    everyone = figures.crosstab(survey, by["plan"], by["age"])
    yes = {c.value: c for c in next(r for r in table.rows if r.value == "yes").cells}
    yes_all = {c.value: c for c in next(r for r in everyone.rows if r.value == "yes").cells}
    assert yes_all["30-60"].count == 10
    # 8 in the group is no small number, but 10 - 8 would show the two outside it.
    assert yes["30-60"].count is None and yes["30-60"].state == HIDDEN


def test_number_figures_from_counted_numbers_match_the_plain_figures():
    import random
    import statistics
    from collections import Counter

    rng = random.Random(5)
    for size in (1, 2, 3, 10, 11, 200):
        numbers = [rng.randint(0, 12) for _ in range(size)]
        described = figures._describe(sorted(Counter(numbers).items()))
        assert described["median"] == statistics.median(numbers)
        assert described["mean"] == pytest.approx(statistics.mean(numbers))
        assert (described["min"], described["max"], described["count"]) == (min(numbers), max(numbers), size)
