"""Forms built from a survey's questions, for respondents, paper entry and interviews.

The fields check each answer with `collection.clean_value`, the same check the services make, so the
messages are the same wherever an answer is refused. Whether an answer is required, and whether a
question is shown at all, depends on other answers: the services decide that (`check_answers`)."""

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from medvind.core.errors import DomainError

from . import collection
from .collection import LONG_TEXT_MAX, NOTES_MAX, SHORT_TEXT_MAX, Questionnaire, Value
from .models import Question, QuestionKind, Section, Survey


def _translated(translations: Any, language: str, key: str) -> str:
    if not isinstance(translations, dict):
        return ""
    entry = translations.get(language)
    if isinstance(entry, dict):
        value = entry.get(key)
        return value if isinstance(value, str) else ""
    return ""


class Wording:
    """The words of a survey in the respondent's language, easy-read where it is written."""

    def __init__(self, survey: Survey, language: str, easy_read: bool = False) -> None:
        self.base = language == survey.language
        self.language = language
        self.easy_read = easy_read

    def _pick(self, obj: Any, key: str) -> str:
        if self.base:
            return str(getattr(obj, key, "") or "")
        return _translated(obj.translations, self.language, key) or str(getattr(obj, key, "") or "")

    def question_text(self, question: Question) -> str:
        if self.easy_read:
            easy = (
                question.easy_read
                if self.base
                else _translated(question.translations, self.language, "easy_read")
            )
            if easy:
                return easy
        return self._pick(question, "text")

    def help_text(self, question: Question) -> str:
        return self._pick(question, "help_text")

    def section_title(self, section: Section) -> str:
        return self._pick(section, "title")

    def section_intro(self, section: Section) -> str:
        return self._pick(section, "intro")

    def choices(self, question: Question) -> list[tuple[str, str]]:
        if question.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            result = []
            for choice in question.choices.all():
                label = choice.label
                if not self.base and isinstance(choice.translations, dict):
                    translated = choice.translations.get(self.language)
                    label = translated if isinstance(translated, str) and translated else label
                result.append((choice.value, label))
            return result
        return collection.fixed_choices(
            question, low=self._pick(question, "scale_low"), high=self._pick(question, "scale_high")
        )


def field_name(question: Question) -> str:
    return f"q{question.pk}"


class AnswerField(forms.Field):
    """One question. Cleans to the stored value, or None for no answer."""

    def __init__(self, *, question: Question, **kwargs: Any) -> None:
        self.question = question
        super().__init__(**kwargs)
        if isinstance(self.widget, forms.RadioSelect):  # CheckboxSelectMultiple is one too
            self.template_name = "surveys/respond/_choice_field.html"

    def clean(self, value: Any) -> Value | None:
        try:
            return collection.clean_value(self.question, value)
        except DomainError as error:
            raise ValidationError(str(error), code="invalid") from error


def _widget(question: Question, choices: list[tuple[str, str]]) -> forms.Widget:
    kind = question.kind
    if kind == QuestionKind.MULTIPLE:
        return forms.CheckboxSelectMultiple(choices=choices)
    if kind in (QuestionKind.SINGLE, QuestionKind.SCALE, QuestionKind.YES_NO):
        return forms.RadioSelect(choices=choices)
    if kind == QuestionKind.NUMBER:
        # A text box, not type=number: a browser shows nothing of a mistyped number, and it must be kept.
        return forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off", "size": 8})
    # No autocomplete: on a shared tablet the next person must not be offered the last one's words.
    if kind == QuestionKind.SHORT_TEXT:
        return forms.TextInput(attrs={"maxlength": SHORT_TEXT_MAX, "autocomplete": "off"})
    return forms.Textarea(attrs={"rows": 5, "maxlength": LONG_TEXT_MAX, "autocomplete": "off"})


def _help(question: Question, wording: Wording, extra: str = "") -> str:
    """Help text, escaped: the form renderer shows it as HTML."""
    parts = [wording.help_text(question)]
    if (
        question.kind == QuestionKind.NUMBER
        and question.min_value is not None
        and question.max_value is not None
    ):
        parts.append(
            _("A whole number from %(low)s to %(high)s.")
            % {"low": question.min_value, "high": question.max_value}
        )
    elif question.kind == QuestionKind.MULTIPLE:
        parts.append(_("You can choose more than one."))
    elif question.kind == QuestionKind.SHORT_TEXT:
        parts.append(_("At most %(limit)d characters.") % {"limit": SHORT_TEXT_MAX})
    elif question.kind == QuestionKind.LONG_TEXT:
        parts.append(_("At most %(limit)d characters.") % {"limit": LONG_TEXT_MAX})
    parts.append(extra)
    return " ".join(escape(part) for part in parts if part)


class AnswersForm(forms.Form):
    """The questions given, as fields named q<id>; `answers()` gives {question id: value or None}."""

    use_required_attribute = False  # Back and "Save and continue later" must not be blocked

    def __init__(
        self,
        *args: Any,
        questions: list[Question],
        wording: Wording,
        initial_answers: dict[int, Value] | None = None,
        show_required: bool = True,
        condition_hints: Questionnaire | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs["initial"] = {
            **(kwargs.get("initial") or {}),
            **{f"q{pk}": value for pk, value in (initial_answers or {}).items()},
        }
        super().__init__(*args, **kwargs)
        self.questions = questions
        for question in questions:
            extra = ""
            if condition_hints is not None and question.condition_question_id:
                condition = condition_hints.by_id.get(question.condition_question_id)
                if condition is not None:
                    value = dict(wording.choices(condition)).get(
                        question.condition_value, question.condition_value
                    )
                    extra = _("Asked only when the answer to “%(question)s” is “%(value)s”.") % {
                        "question": wording.question_text(condition),
                        "value": value,
                    }
            self.fields[field_name(question)] = AnswerField(
                question=question,
                label=wording.question_text(question),
                help_text=_help(question, wording, extra),
                required=show_required and question.required,
                widget=_widget(question, wording.choices(question)),
            )

    def answers(self) -> dict[int, Any]:
        return {
            q.pk: self.cleaned_data.get(field_name(q))
            for q in self.questions
            if field_name(q) in self.cleaned_data
        }

    def add_answer_errors(self, errors: dict[int, str]) -> None:
        by_pk = {q.pk: q for q in self.questions}
        for pk, message in errors.items():
            if pk in by_pk:
                self.add_error(field_name(by_pk[pk]), message)
            else:
                self.add_error(None, message)


class StartForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language of the questions"), widget=forms.RadioSelect)
    easy_read = forms.BooleanField(
        label=gettext_lazy("Show the questions in easy-read words where they are written"),
        required=False,
    )

    def __init__(self, *args: Any, survey: Survey, language_names: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(code, language_names.get(code, code)) for code in survey.all_languages]
        self.fields["language"].choices = choices  # type: ignore[attr-defined]
        self.fields["language"].error_messages["invalid_choice"] = _(
            "Choose one of the languages this survey is written in."
        )
        self.fields["language"].error_messages["required"] = _("Choose a language.")
        if len(choices) == 1:
            self.fields["language"].widget = forms.HiddenInput()


class EntryForm(AnswersForm):
    """Paper entry and interviews: every question on one page, the language and, in an interview, notes."""

    def __init__(
        self,
        *args: Any,
        survey: Survey,
        questionnaire: Questionnaire,
        wording: Wording,
        interview: bool,
        language_names: dict[str, str],
        **kwargs: Any,
    ) -> None:
        super().__init__(
            *args,
            questions=questionnaire.questions,
            wording=wording,
            show_required=False,
            condition_hints=questionnaire,
            **kwargs,
        )
        choices = [(code, language_names.get(code, code)) for code in survey.all_languages]
        language = forms.ChoiceField(
            label=_("Language the person answered in"),
            choices=choices,
            initial=survey.language,
            widget=forms.Select if len(choices) > 1 else forms.HiddenInput,
        )
        language.error_messages["invalid_choice"] = _(
            "Choose one of the languages this survey is written in."
        )
        self.fields = {"language": language, **self.fields}  # type: ignore[assignment]
        if interview:
            self.fields["notes"] = forms.CharField(
                label=_("Your notes from the interview"),
                required=False,
                max_length=NOTES_MAX,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=escape(
                    _(
                        "What the person said in their own words. Do not write names or anything that shows who they are."
                    )
                ),
            )
            self.fields["notes"].error_messages["max_length"] = _(
                "Write at most %(limit)d characters of notes."
            ) % {"limit": NOTES_MAX}
