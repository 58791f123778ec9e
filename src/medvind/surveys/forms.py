from typing import Any

from django import forms
from django.conf import settings
from django.forms import BoundField
from django.utils.translation import gettext_lazy as _

from . import services
from .models import CHOICE_KINDS, COUNTED_KINDS, SCALE_VALUES, YES_NO_VALUES, Question, QuestionKind, Survey

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
LANGUAGE_NAMES = dict(settings.LANGUAGES)


class DateTimeField(forms.DateTimeField):
    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT)

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", [DATETIME_FORMAT, "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S"])
        super().__init__(**kwargs)


def language_name(code: str) -> str:
    return str(LANGUAGE_NAMES.get(code, code))


class SurveyForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=services.TITLE_MAX)
    intro = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=services.INTRO_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Shown before the first question: who asks, why, and what happens with the answers."),
    )
    language = forms.ChoiceField(label=_("Language of the questions"), choices=settings.LANGUAGES)
    languages = forms.MultipleChoiceField(
        label=_("It can also be answered in"),
        required=False,
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("You write the translations of each question on the question's page."),
    )
    opens_at = DateTimeField(
        label=_("Opens"), required=False, help_text=_("Leave it empty to take answers as soon as it is open.")
    )
    closes_at = DateTimeField(
        label=_("Closes"), required=False, help_text=_("Leave it empty to take answers until you close it.")
    )
    anonymity_threshold = forms.IntegerField(
        label=_("Smallest group shown in results"),
        min_value=services.THRESHOLD_MIN,
        max_value=services.THRESHOLD_MAX,
        initial=5,
        help_text=_(
            "No figure is shown for fewer answers than this, so nobody can be singled out. From 3 to 50."
        ),
    )
    previous = forms.ModelChoiceField(
        label=_("Earlier round to compare with"),
        queryset=Survey.objects.none(),
        required=False,
        empty_label=_("No earlier round"),
    )
    results_public = forms.BooleanField(
        label=_("Everyone who can see the space can see the results"),
        required=False,
        help_text=_("Otherwise only those who run the survey see them."),
    )

    def __init__(self, *args: Any, earlier: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["previous"].queryset = earlier  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        opens, closes = data.get("opens_at"), data.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The survey must close after it opens."))
        if "title" in data and not services.clean_line(data["title"]):
            self.add_error("title", _("Write a title."))
        if "languages" in data and "language" in data:
            data["languages"] = [code for code in data["languages"] if code != data["language"]]
        return data


def _translation_fields(
    form: forms.Form, languages: list[str], specs: list[tuple[str, Any, int, bool]]
) -> None:
    for code in languages:
        name = language_name(code)
        for field, label, limit, long in specs:
            form.fields[f"{code}__{field}"] = forms.CharField(
                label=label % {"language": name},
                required=False,
                max_length=limit,
                widget=forms.Textarea(attrs={"rows": 3}) if long else forms.TextInput,
            )


class _GroupedForm(forms.Form):
    languages: list[str] = []

    def main_fields(self) -> list[BoundField]:
        """The fields to fill in; locked (disabled) ones are shown as text instead (see `locked_facts`)."""
        return [self[name] for name, field in self.fields.items() if "__" not in name and not field.disabled]

    def locked_facts(self) -> list[tuple[str, str]]:
        facts = []
        for name, field in self.fields.items():
            if field.disabled:
                value = self[name].initial
                shown = dict(_flat(field)).get(value, value)
                facts.append((str(field.label), str(shown or _("Always show this question"))))
        return facts

    def language_groups(self) -> list[tuple[str, str, list[BoundField]]]:
        return [
            (code, language_name(code), [self[name] for name in self.fields if name.startswith(f"{code}__")])
            for code in self.languages
        ]

    def translations(self) -> dict[str, dict[str, str]]:
        result: dict[str, dict[str, str]] = {}
        for name, value in self.cleaned_data.items():
            if "__" in name and not name.endswith("__choices"):
                code, field = name.split("__", 1)
                result.setdefault(code, {})[field] = value
        return result


def _flat(field: forms.Field) -> list[tuple[Any, Any]]:
    flat: list[tuple[Any, Any]] = []
    for value, label in getattr(field, "choices", []):
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((value, label))
    return flat


class SectionForm(_GroupedForm):
    title = forms.CharField(label=_("Title of the section"), max_length=services.TITLE_MAX)
    intro = forms.CharField(
        label=_("Introduction to the section"),
        required=False,
        max_length=services.SECTION_INTRO_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, survey: Survey, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.languages = [code for code in survey.languages if code != survey.language]
        _translation_fields(
            self,
            self.languages,
            [
                ("title", _("Title in %(language)s"), services.TITLE_MAX, False),
                ("intro", _("Introduction in %(language)s"), services.SECTION_INTRO_MAX, True),
            ],
        )

    def clean_title(self) -> str:
        title = services.clean_line(self.cleaned_data["title"])
        if not title:
            raise forms.ValidationError(_("Write a title for the section."))
        return title


def parse_choice_lines(text: str) -> list[dict[str, Any]]:
    """One choice on each line: "label", or "value|label" to set the stored value."""
    choices = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        value, bar, label = line.partition("|")
        if not bar:
            value, label = "", line
        choices.append({"value": value.strip(), "label": label.strip()})
    return choices


def condition_choices(questions: list[Question]) -> list[Any]:
    """A select of every answer of every earlier question that can show a later one."""
    yes_no = dict(zip(YES_NO_VALUES, (_("Yes"), _("No"), _("Don't know")), strict=True))
    options: list[Any] = [("", _("Always show this question"))]
    for question in questions:
        if question.kind not in COUNTED_KINDS:
            continue
        values: list[tuple[str, Any]]
        if question.kind in CHOICE_KINDS:
            values = [(c.value, c.label) for c in question.choices.all()]
        elif question.kind == QuestionKind.SCALE:
            values = [(v, v) for v in SCALE_VALUES]
        else:
            values = list(yes_no.items())
        group = services.clean_line(question.text)[:80]
        options.append((group, [(f"{question.pk}:{value}", f"{group}: {label}") for value, label in values]))
    return options


class QuestionForm(_GroupedForm):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices)
    text = forms.CharField(label=_("Question"), max_length=services.TEXT_MAX)
    easy_read = forms.CharField(
        label=_("Easy-read wording"),
        required=False,
        max_length=services.TEXT_MAX,
        help_text=_(
            "The same question in short sentences and common words. Shown to those who choose easy read."
        ),
    )
    help_text = forms.CharField(
        label=_("Help text"),
        required=False,
        max_length=services.TEXT_MAX,
        help_text=_("Shown under the question, for example an example of an answer."),
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        max_length=8000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Only for “One choice” and “Several choices”: from 2 to 30 choices, one on each line. "
            "The part before a | is the value stored in the answers, for example: home|At home. "
            "Without a |, the value is made from the words."
        ),
    )
    scale_low = forms.CharField(
        label=_("Label for 1"),
        required=False,
        max_length=services.SCALE_LABEL_MAX,
        help_text=_("Only for scale questions, for example: Not at all."),
    )
    scale_high = forms.CharField(
        label=_("Label for 5"),
        required=False,
        max_length=services.SCALE_LABEL_MAX,
        help_text=_("Only for scale questions, for example: Very much."),
    )
    min_value = forms.IntegerField(
        label=_("Smallest number"),
        required=False,
        min_value=-services.NUMBER_LIMIT,
        max_value=services.NUMBER_LIMIT,
        help_text=_("Only for number questions."),
    )
    max_value = forms.IntegerField(
        label=_("Largest number"),
        required=False,
        min_value=-services.NUMBER_LIMIT,
        max_value=services.NUMBER_LIMIT,
        help_text=_("Only for number questions."),
    )
    condition = forms.ChoiceField(
        label=_("Show only if the answer to an earlier question is"),
        required=False,
        help_text=_("Leave it on “Always show this question” to show it to everyone."),
    )

    def __init__(
        self, *args: Any, survey: Survey, earlier: list[Question], locked: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.survey = survey
        self.locked = locked
        self.earlier = {question.pk: question for question in earlier}
        self.fields["condition"].choices = condition_choices(earlier)  # type: ignore[attr-defined]
        self.languages = [code for code in survey.languages if code != survey.language]
        _translation_fields(
            self,
            self.languages,
            [
                ("text", _("Question in %(language)s"), services.TEXT_MAX, False),
                ("easy_read", _("Easy-read wording in %(language)s"), services.TEXT_MAX, False),
                ("help_text", _("Help text in %(language)s"), services.TEXT_MAX, False),
                ("scale_low", _("Label for 1 in %(language)s"), services.SCALE_LABEL_MAX, False),
                ("scale_high", _("Label for 5 in %(language)s"), services.SCALE_LABEL_MAX, False),
                ("choices", _("Choices in %(language)s"), 8000, True),
            ],
        )
        for code in self.languages:
            self.fields[f"{code}__choices"].help_text = _(
                "One choice on each line, in the same order as the choices above, without values. "
                "Leave a line empty to keep that choice as it is."
            )
        if locked:
            for name in ("kind", "condition"):
                self.fields[name].disabled = True
            self.fields["choices"].help_text = _(
                "This question has answers. You can correct the labels after the | and add new choices, "
                "but you cannot remove a choice or change the value before the |."
            )

    def clean_text(self) -> str:
        text = services.clean_line(self.cleaned_data["text"])
        if not text:
            raise forms.ValidationError(_("Write the question."))
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        kind = data.get("kind")
        choices = parse_choice_lines(data.get("choices", ""))
        if kind in CHOICE_KINDS and "choices" not in self.errors:
            labelled = [c for c in choices if c["label"]]
            if not services.CHOICES_MIN <= len(labelled) <= services.CHOICES_MAX:
                self.add_error("choices", _("Give from 2 to 30 choices, one on each line."))
        for code in self.languages:
            # Line by line in the order of the choices; an empty line leaves that choice untranslated.
            labels = [line.strip() for line in data.get(f"{code}__choices", "").splitlines()]
            while labels and not labels[-1]:
                labels.pop()
            if len(labels) > len(choices):
                self.add_error(f"{code}__choices", _("There are more lines here than choices above."))
            for choice, label in zip(choices, labels, strict=False):
                if label:
                    choice.setdefault("translations", {})[code] = label
        data["choice_list"] = choices
        low, high = data.get("min_value"), data.get("max_value")
        if kind == QuestionKind.NUMBER and low is not None and high is not None and high < low:
            self.add_error("max_value", _("The largest number must not be smaller than the smallest."))
        data["condition_question"], data["condition_value"] = None, ""
        condition = data.get("condition") or ""
        if condition:
            pk, _sep, value = condition.partition(":")
            question = self.earlier.get(int(pk)) if pk.isdigit() else None
            if question is None:
                self.add_error("condition", _("Choose an earlier question."))
            else:
                data["condition_question"], data["condition_value"] = question, value
        return data

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "kind": data["kind"],
            "text": data["text"],
            "easy_read": data["easy_read"],
            "help_text": data["help_text"],
            "required": data["required"],
            "scale_low": data["scale_low"],
            "scale_high": data["scale_high"],
            "min_value": data["min_value"],
            "max_value": data["max_value"],
            "condition_question": data["condition_question"],
            "condition_value": data["condition_value"],
            "translations": self.translations(),
            "choices": data["choice_list"],
        }


def question_initial(question: Question) -> dict[str, Any]:
    initial: dict[str, Any] = {
        field: getattr(question, field)
        for field in (
            "kind",
            "text",
            "easy_read",
            "help_text",
            "required",
            "scale_low",
            "scale_high",
            "min_value",
            "max_value",
        )
    }
    choices = list(question.choices.all())
    initial["choices"] = "\n".join(f"{c.value}|{c.label}" for c in choices)
    if question.condition_question_id:
        initial["condition"] = f"{question.condition_question_id}:{question.condition_value}"
    for code, values in question.translations.items():
        for field, value in values.items():
            initial[f"{code}__{field}"] = value
    codes = {code for c in choices for code in c.translations}
    for code in codes:
        initial[f"{code}__choices"] = "\n".join(c.translations.get(code, "") for c in choices)
    return initial


def section_initial(section: Any) -> dict[str, Any]:
    initial = {"title": section.title, "intro": section.intro}
    for code, values in section.translations.items():
        for field, value in values.items():
            initial[f"{code}__{field}"] = value
    return initial
