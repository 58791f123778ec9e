"""surveys/_question.html: one question as form fields, shared by the preview and answering."""

import pytest
from django.template.loader import render_to_string

from medvind.surveys.models import Question

from .factories import make_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world):
    survey = make_survey(world.members_only, languages=["sv"])
    age = Question.objects.get(survey=survey, key="age")
    age.translations = {"sv": {"text": "Hur gammal är du?", "help_text": "Välj ett svar."}}
    age.easy_read = "Your age?"
    age.required = True
    age.save()
    first = age.choices.first()
    first.translations = {"sv": "Under 30 år"}
    first.save()
    return survey


def render(survey, key, **context):
    question = Question.objects.prefetch_related("choices").get(survey=survey, key=key)
    context = {"language": "en", "easy_read": False, "value": None, "errors": None, **context}
    return render_to_string("surveys/_question.html", {"question": question, **context})


def test_one_choice_is_a_group_of_radio_buttons_named_after_the_question(survey):
    html = render(survey, "age", value="30-60")
    pk = Question.objects.get(survey=survey, key="age").pk
    assert f'<fieldset class="ds-fieldset mv-field sv-question" id="q{pk}"' in html
    assert (
        '<legend class="ds-label">How old are you? <span class="mv-required">(required)</span></legend>'
        in html
    )
    assert html.count('type="radio"') == 3 and f'name="q{pk}"' in html
    assert f'id="q{pk}-2" value="30-60" checked' in html
    assert html.count("checked") == 1


def test_several_choices_check_every_value_in_the_list(survey):
    html = render(survey, "help", value=["home", "work"])
    assert html.count('type="checkbox"') == 3 and html.count(" checked") == 2


def test_errors_are_shown_and_tied_to_the_question(survey):
    html = render(survey, "visits", value="99", errors=["Write a number from 0 to 50."])
    pk = Question.objects.get(survey=survey, key="visits").pk
    assert f'<p class="ds-validation-message" id="q{pk}_error">Write a number from 0 to 50.</p>' in html
    assert 'aria-invalid="true"' in html and f"q{pk}_error" in html.split("<input")[1]
    assert 'value="99"' in html and 'min="0"' in html and 'max="50"' in html


def test_the_translation_and_easy_read_are_used_with_fallbacks(survey):
    html = render(survey, "age", language="sv")
    assert "Hur gammal är du?" in html and "Välj ett svar." in html
    assert "Under 30 år" in html and "30 to 60" in html  # an untranslated choice keeps its label
    assert "(måste fyllas i)" in html  # the fixed words are in the question's language
    assert "Your age?" in render(survey, "age", easy_read=True)
    assert "Hur gammal är du?" in render(survey, "age", language="sv", easy_read=True)  # no Swedish easy read
    assert "What could be better?" in render(survey, "better", language="sv")


def test_scale_yes_no_and_texts(survey):
    Question.objects.filter(survey=survey, key="respect").update(scale_low="Never", scale_high="Always")
    scale = render(survey, "respect", value="5")
    assert "1: Never" in scale and "5: Always" in scale and 'value="5" checked' in scale
    assert ">Don&#x27;t know</label>" in render(survey, "plan") or ">Don't know</label>" in render(
        survey, "plan"
    )
    assert "<textarea" in render(survey, "better", value="<script>alert(1)</script>")
    assert "&lt;script&gt;" in render(survey, "better", value="<script>alert(1)</script>")
    assert 'type="text"' in render(survey, "name-staff")
