import pytest

from medvind.events.forms import EventForm, JoinForm, PollForm, QuestionForm, VoteForm

from .conftest import make_event, make_poll

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "code"), [("k7m4qx", "K7M4QX"), (" K7M-4QX ", "K7M4QX"), ("k7 m4 qx", "K7M4QX")]
)
def test_a_code_is_read_the_way_people_type_it(typed, code):
    form = JoinForm({"code": typed})
    assert form.is_valid() and form.cleaned_data["code"] == code


def test_an_empty_code_is_an_error():
    assert not JoinForm({"code": ""}).is_valid()


def test_a_question_of_only_invisible_characters_is_an_error():
    form = QuestionForm({"text": "\u200b\u202e \n"})
    assert not form.is_valid() and "text" in form.errors


@pytest.mark.parametrize(
    ("options", "valid"),
    [
        ("Yes\nNo", True),
        ("Only one", False),
        ("A\na", False),
        ("\n".join("x" * i for i in range(1, 12)), False),
    ],
)
def test_poll_answers_one_on_each_line(options, valid):
    form = PollForm({"question": "Which?", "options": options})
    assert form.is_valid() is valid
    if valid:
        assert form.cleaned_data["options"] == ["Yes", "No"]


def test_the_event_form_refuses_an_end_before_the_start_and_bad_postbox_days():
    form = EventForm(
        {
            "title": "Debate",
            "starts_at": "2026-05-01T10:00",
            "ends_at": "2026-05-01T09:59",
            "postbox_days": 91,
        }
    )
    assert not form.is_valid()
    assert "ends_at" in form.errors and "postbox_days" in form.errors


def test_a_single_choice_poll_takes_one_answer_and_a_multiple_choice_poll_several(world):
    event = make_event(world.public)
    single, many = make_poll(event), make_poll(event, multiple=True)
    a, b = [str(o.pk) for o in single.options.all()][:2]
    assert VoteForm({f"poll{single.pk}-choice": a}, poll=single).is_valid()
    assert not VoteForm({f"poll{single.pk}-choice": "nonsense"}, poll=single).is_valid()
    x, y = [str(o.pk) for o in many.options.all()][:2]
    form = VoteForm({f"poll{many.pk}-choice": [x, y]}, poll=many)
    assert form.is_valid() and form.option_ids() == [int(x), int(y)]
    assert VoteForm({f"poll{single.pk}-choice": a}, poll=single).is_valid()
    assert b
