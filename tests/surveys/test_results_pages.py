"""The results page, its filter, cross-tabulation, comparison, free text and CSV, as a viewer sees them."""

import re

import pytest
from django.urls import reverse

from medvind.surveys.models import SurveyStatus

from .factories import make_survey, record

pytestmark = pytest.mark.django_db

AGES = ["30-60"] * 6 + ["under-30"] * 4 + ["over-60"] * 2
HOSTILE = "<script>alert(1)</script>"


def fill(survey, texts=None):
    """Twelve answers from a home-support audit; the two over 60 are a small group (k = 3 or more)."""
    for i, age in enumerate(AGES):
        record(
            survey,
            {
                "age": age,
                "plan": "yes" if i < 9 else "no",
                "visits": i,
                "better": (texts or {}).get(i, f"Boendestödet kommer i tid, svar {i}"),
            },
        )


def url(survey, **params):
    path = reverse("surveys:results", args=[survey.space.slug, survey.pk])
    if params:
        path += "?" + "&".join(f"{k}={v}" for k, v in params.items())
    return path


def text_of(response) -> str:
    return response.content.decode()


def cells(html: str) -> list[str]:
    """The text of every table cell and header, for searching for a small number."""
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", html, re.S)]


@pytest.fixture
def survey(world):
    s = make_survey(world.members_only, anonymity_threshold=3, status=SurveyStatus.CLOSED)
    fill(s)
    return s


def test_facilitator_sees_counts_shares_chart_and_table(client, world, survey):
    client.force_login(world["facilitator"])
    response = client.get(url(survey))
    html = text_of(response)
    assert response.status_code == 200
    assert "12 people have answered." in html
    assert 'role="img"' in html and "<table" in html
    assert "30 to 60" in html and "50 %" in html
    assert "fewer than 3" in html
    assert "Average" in html and "5.5" in html


def test_a_small_group_never_shows_its_count_on_the_page(client, world, survey):
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey)))
    age_table = html.split('id="question-')[1]  # the first question: age
    assert "Over 60" in age_table
    row = cells(re.search(r"Over 60</th>(.*?)</tr>", age_table, re.S).group(1))
    assert row == ["fewer than 3"] and "17 %" not in html  # 2 of 12 is 17 %


def test_fewer_than_k_responses_show_only_the_message(client, world):
    survey = make_survey(world.members_only, anonymity_threshold=5)
    for age in ("30-60", "30-60", "over-60"):
        record(survey, {"age": age, "better": "Hemligt svar"})
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey)))
    assert "Fewer than 5 answers: results are shown when there are at least 5." in html
    assert "<table" not in html and "Hemligt svar" not in html and "3 people" not in html
    csv = text_of(client.get(url(survey, format="csv")))
    assert "Fewer than 5 answers" in csv and "30-60" not in csv


def test_filter_shows_only_the_group(client, world, survey):
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey, group="age:30-60")))
    assert "Only the 6 people who answered “30 to 60” to “How old are you?”." in html
    assert "Boendestödet kommer i tid, svar 0" in html


def test_filter_for_a_small_group_is_refused_and_shows_nothing(client, world, survey):
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey, group="age:over-60")))
    assert "Fewer than 3 people are in this group" in html
    assert "<table" not in html and "svar 10" not in html and "svar 11" not in html
    csv = text_of(client.get(url(survey, group="age:over-60", format="csv")))
    assert "Fewer than 3 people are in this group" in csv and "value" not in csv.splitlines()[-1]


@pytest.mark.parametrize("value", ["nope:yes", "age:", "' OR 1=1 --", HOSTILE, "a" * 5000, "age:over-60%00"])
def test_a_malformed_filter_gets_a_message_next_to_the_field(client, world, survey, value):
    client.force_login(world["facilitator"])
    response = client.get(url(survey), {"group": value})
    html = text_of(response)
    assert response.status_code == 200
    assert 'id="id_group_error"' in html and 'aria-invalid="true"' in html
    assert HOSTILE not in html
    assert "12 people have answered." in html  # everyone's results are still shown


def test_crosstab_shows_counts_row_shares_and_hides_small_cells(client, world, survey):
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey, rows="age", columns="plan")))
    assert "“How old are you?” compared with “Do you have a plan for your support?”" in html
    section = html.split('id="crosstab-heading"')[1].split("</section>")[0]
    row = re.search(r"30 to 60</th>(.*?)</tr>", section, re.S).group(1)
    assert "6 (100 %)" in row
    over_60 = cells(re.search(r"Over 60</th>(.*?)</tr>", section, re.S).group(1))
    assert over_60 == ["fewer than 3"] * 4  # people, yes, no, don't know: no count, not even a zero


def test_crosstab_needs_two_different_questions(client, world, survey):
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey, rows="age", columns="age")))
    assert "Choose two different questions." in html and "crosstab-heading" not in html
    html = text_of(client.get(url(survey, rows="age")))
    assert "Choose a second question to compare with." in html
    html = text_of(client.get(url(survey, rows="better", columns="age")))  # free text cannot be counted
    assert 'id="id_rows_error"' in html and "crosstab-heading" not in html
    for hostile in (HOSTILE, "' OR 1=1 --", "x" * 3000):
        response = client.get(url(survey), {"rows": hostile, "columns": "age"})
        html = text_of(response)
        assert response.status_code == 200 and 'id="id_rows_error"' in html and HOSTILE not in html


def test_comparison_with_the_earlier_round(client, world):
    before = make_survey(world.members_only, anonymity_threshold=3, status=SurveyStatus.CLOSED)
    for answer in ["yes"] * 3 + ["no"] * 3:
        record(before, {"plan": answer})
    survey = make_survey(world.members_only, anonymity_threshold=3, previous=before)
    fill(survey)
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey)))
    assert f"Compared with the earlier round ({before.title})" in html
    plan = html.split("Do you have a plan for your support?</h2>")[1]
    comparison = plan.split("Compared with the earlier round")[1].split("</table>")[0]
    row = cells(re.search(r"Yes</th>(.*?)</tr>", comparison, re.S).group(1))
    assert row == ["75 %", "50 %"]
    age = html.split("How old are you?</h2>")[1].split("</section>")[0]
    assert "fewer than 3 answers" in age  # nobody answered it then


def test_csv_has_the_figures_and_never_a_small_count(client, world, survey):
    client.force_login(world["facilitator"])
    response = client.get(url(survey, format="csv", rows="age", columns="plan"))
    assert response["Content-Type"].startswith("text/csv")
    lines = text_of(response).splitlines()
    assert "value,age,30-60,30 to 60,6,50" in lines
    assert "value,age,over-60,Over 60,fewer than 3," in lines
    over_60 = [line for line in lines if "over-60" in line]
    assert over_60 and all("fewer than 3" in line or "hidden" in line for line in over_60)
    assert not any(line.startswith("value,") and "Boendestödet" in line for line in lines)  # no free text


def test_free_text_is_escaped(client, world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    fill(survey, texts={0: HOSTILE, 1: "' OR 1=1 --"})
    client.force_login(world["facilitator"])
    html = text_of(client.get(url(survey)))
    assert HOSTILE not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    texts = reverse("surveys:results_texts", args=[survey.space.slug, survey.pk, _question(survey, "better")])
    html = text_of(client.get(texts))
    assert HOSTILE not in html and "&lt;script&gt;" in html and "12 answers." in html


def test_all_free_text_answers_are_paginated(client, world):
    survey = make_survey(world.members_only, anonymity_threshold=3)
    for i in range(30):
        record(survey, {"better": f"Mer tid med kontaktpersonen {i:02d}"})
    client.force_login(world["facilitator"])
    texts = reverse("surveys:results_texts", args=[survey.space.slug, survey.pk, _question(survey, "better")])
    first = text_of(client.get(texts))
    assert "kontaktpersonen 00" in first and "kontaktpersonen 25" not in first and "Page 1 of 2" in first
    assert "kontaktpersonen 25" in text_of(client.get(texts + "?page=2"))


def test_free_text_of_a_question_with_fewer_than_k_answers_is_not_listed(client, world):
    survey = make_survey(world.members_only, anonymity_threshold=5)
    for i in range(6):
        record(survey, {"age": "30-60", **({"better": "Jag känner mig ensam"} if i < 2 else {})})
    client.force_login(world["facilitator"])
    assert "Jag känner mig ensam" not in text_of(client.get(url(survey)))
    texts = reverse("surveys:results_texts", args=[survey.space.slug, survey.pk, _question(survey, "better")])
    html = text_of(client.get(texts))
    assert "Jag känner mig ensam" not in html and "Fewer than 5 people answered this question" in html


def test_free_text_of_a_refused_group_is_not_listed(client, world, survey):
    client.force_login(world["facilitator"])
    texts = reverse("surveys:results_texts", args=[survey.space.slug, survey.pk, _question(survey, "better")])
    html = text_of(client.get(texts, {"group": "age:over-60"}))
    assert "svar 10" not in html and "Fewer than 3 people are in this group" in html


def test_texts_page_of_a_counted_question_or_another_survey_is_not_found(client, world, survey):
    client.force_login(world["facilitator"])
    other = make_survey(world.members_only)
    for question in (_question(survey, "age"), _question(other, "better"), 999999):
        texts = reverse("surveys:results_texts", args=[survey.space.slug, survey.pk, question])
        assert client.get(texts).status_code == 404


def _question(survey, key):
    return survey.questions.get(key=key).pk


# Who may see the results -----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["facilitator", "member", "representative", "platform_admin"])
def test_the_audit_team_sees_results(client, world, survey, role):
    client.force_login(world[role])
    assert client.get(url(survey)).status_code == 200


def test_a_responder_may_not_see_results_that_are_not_public(client, world, survey):
    client.force_login(world["responder"])
    assert client.get(url(survey)).status_code == 403
    assert client.get(url(survey, format="csv")).status_code == 403


def test_people_outside_a_members_only_space_get_not_found(client, world, survey, outsider):
    assert client.get(url(survey)).status_code == 404
    client.force_login(outsider)
    assert client.get(url(survey)).status_code == 404


def test_public_results_are_seen_by_everyone_who_sees_the_space(client, world):
    survey = make_survey(world.public, anonymity_threshold=3, results_public=True, status=SurveyStatus.CLOSED)
    fill(survey)
    client.force_login(world["participant"])
    assert "12 people have answered." in text_of(client.get(url(survey)))
    client.logout()
    assert client.get(url(survey)).status_code == 200


def test_public_results_of_a_draft_are_not_shown(client, world):
    survey = make_survey(world.public, results_public=True, status=SurveyStatus.DRAFT)
    client.force_login(world["participant"])
    assert client.get(url(survey)).status_code == 403


def test_a_survey_of_another_space_is_not_found(client, world, survey):
    client.force_login(world["facilitator"])
    path = reverse("surveys:results", args=[world.public.slug, survey.pk])
    assert client.get(path).status_code == 404


def test_no_page_or_export_holds_the_small_number_or_lets_it_be_worked_out(client, world):
    """47 people, three of them over 60 (k = 5): the 3 must not be shown, nor 6 % (3 of 47), nor
    both other counts (47 - 20 - 24 = 3)."""
    survey = make_survey(world.members_only, anonymity_threshold=5, status=SurveyStatus.CLOSED)
    ages = ["30-60"] * 20 + ["under-30"] * 24 + ["over-60"] * 3
    for i, age in enumerate(ages):
        record(survey, {"age": age, "plan": "yes" if i % 2 else "no"})
    client.force_login(world["facilitator"])
    for params in ({}, {"rows": "age", "columns": "plan"}, {"group": "plan:yes"}, {"group": "plan:no"}):
        html = text_of(client.get(url(survey), params))
        age = html.split("How old are you?</h2>")[1].split("</section>")[0]
        figures = cells(age)
        assert "3" not in figures and "6 %" not in figures, params
        assert not ("20" in figures and "24" in figures), params
        csv = text_of(client.get(url(survey), {**params, "format": "csv"}))
        for line in csv.splitlines():
            if ",age," in line or line.startswith("crosstab,age=over-60"):
                fields = line.split(",")
                assert "3" not in fields[4:] and "6" not in fields[5:], line
        if "rows" in params:
            section = html.split('id="crosstab-heading"')[1].split("</section>")[0]
            assert not any(re.fullmatch(r"[1-4]( \(\d+ %\))?", c) for c in cells(section)), cells(section)
