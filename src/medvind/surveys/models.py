"""The questionnaire engine: surveys with sections and questions, answered online, in kiosk mode, on paper
or in an interview. Shared by user-led audits and consultations. See docs/surveys.md."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Space


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for answers")
    CLOSED = "closed", _("Closed")


class Survey(models.Model):
    space = models.ForeignKey(Space, on_delete=models.CASCADE, related_name="surveys")
    title = models.CharField(_("title"), max_length=160)
    intro = models.TextField(_("introduction"), max_length=5000, blank=True)
    # The language the questions are written in; `languages` lists the other languages it can be
    # answered in (each question and choice keeps its wording per language in `translations`).
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    languages = models.JSONField(_("also in"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    anonymity_threshold = models.PositiveSmallIntegerField(
        _("smallest group shown in results"),
        default=5,
        validators=[MinValueValidator(3), MaxValueValidator(50)],
        help_text=_("No figure is shown for fewer answers than this, so nobody can be singled out."),
    )
    # The anonymous link: /s/<token>/. Random, unguessable, not a personal identifier.
    token = models.CharField(max_length=32, unique=True)
    # The earlier round of the same questionnaire, for comparison (questions match by `key`).
    previous = models.ForeignKey(
        "self",
        verbose_name=_("earlier round"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="next_rounds",
    )
    results_public = models.BooleanField(
        _("everyone who can see the space can see the results"), default=False
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["space", "-created_at"], name="surveys_space_created")]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("surveys:manage", kwargs={"slug": self.space.slug, "pk": self.pk})

    def answer_url(self) -> str:
        return reverse("surveys:answer_start", kwargs={"token": self.token})

    @property
    def all_languages(self) -> list[str]:
        return [self.language, *[code for code in self.languages if code != self.language]]

    def is_accepting(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == SurveyStatus.OPEN
            and (self.opens_at is None or self.opens_at <= now)
            and (self.closes_at is None or now < self.closes_at)
        )


class Section(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=160)
    intro = models.TextField(_("introduction"), max_length=2000, blank=True)
    translations = models.JSONField(default=dict, blank=True)  # {"sv": {"title": …, "intro": …}}

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", _("One choice")
    MULTIPLE = "multiple", _("Several choices")
    SCALE = "scale", _("Scale from 1 to 5")
    YES_NO = "yes_no", _("Yes, no or don't know")
    NUMBER = "number", _("Number")
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")


CHOICE_KINDS = frozenset({QuestionKind.SINGLE, QuestionKind.MULTIPLE})
# Kinds whose answers are counted per value (the fixed values of scale and yes/no need no Choice rows).
COUNTED_KINDS = frozenset(
    {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.SCALE, QuestionKind.YES_NO}
)
TEXT_KINDS = frozenset({QuestionKind.SHORT_TEXT, QuestionKind.LONG_TEXT})
SCALE_VALUES = ("1", "2", "3", "4", "5")
YES_NO_VALUES = ("yes", "no", "dont_know")


class Question(models.Model):
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(Section, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(default=0)
    # Stable across rounds: a follow-up survey copied from this one keeps the keys, so results compare.
    key = models.SlugField(max_length=40)
    kind = models.CharField(_("kind of question"), max_length=12, choices=QuestionKind.choices)
    text = models.CharField(_("question"), max_length=500)
    easy_read = models.CharField(_("easy-read wording"), max_length=500, blank=True)
    help_text = models.CharField(_("help text"), max_length=500, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    scale_low = models.CharField(_("label for 1"), max_length=60, blank=True)
    scale_high = models.CharField(_("label for 5"), max_length=60, blank=True)
    min_value = models.IntegerField(_("smallest number"), null=True, blank=True)
    max_value = models.IntegerField(_("largest number"), null=True, blank=True)
    # Shown only if an earlier question was answered with this value.
    condition_question = models.ForeignKey(
        "self",
        verbose_name=_("show only if the answer to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="dependents",
    )
    condition_value = models.CharField(_("is"), max_length=60, blank=True)
    # {"sv": {"text": …, "easy_read": …, "help_text": …, "scale_low": …, "scale_high": …}}
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["survey", "key"], name="uniq_question_key")]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    position = models.PositiveSmallIntegerField(default=0)
    value = models.SlugField(max_length=40)  # what is stored in answers; stable across rounds
    label = models.CharField(_("choice"), max_length=200)
    translations = models.JSONField(default=dict, blank=True)  # {"sv": "…"}

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.UniqueConstraint(fields=["question", "value"], name="uniq_choice_value")]

    def __str__(self) -> str:
        return self.label


class ResponseMode(models.TextChoices):
    ONLINE = "online", _("Online")
    KIOSK = "kiosk", _("Kiosk (shared tablet)")
    PAPER = "paper", _("Entered from paper")
    INTERVIEW = "interview", _("Interview")


class Response(models.Model):
    """One person's answers. Nothing here identifies the respondent: no account, IP address or browser
    data. While someone is still answering, their answers live in `draft`; Answer rows are written only
    when the response is submitted, so results count finished responses alone."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    mode = models.CharField(_("how it was answered"), max_length=12, choices=ResponseMode.choices)
    language = models.CharField(max_length=8)
    draft = models.JSONField(default=dict, blank=True)  # {question_id: value or [values]}
    # SHA-256 of the private resume link's secret; the secret itself is shown once and never stored.
    resume_hash = models.CharField(max_length=64, blank=True, db_index=True)
    # Paper entry and interviews: the auditor who entered it and their notes.
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notes = models.TextField(_("interview notes"), max_length=10000, blank=True)
    started_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["survey", "submitted_at"], name="surveys_resp_submitted")]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.pk} ({self.mode})"


class Answer(models.Model):
    """One answer to one question in a submitted response. A multiple-choice answer is one row per
    chosen value. Counted kinds store `value`, numbers `number`, texts `text`."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    value = models.CharField(max_length=40, blank=True)
    number = models.IntegerField(null=True, blank=True)
    text = models.TextField(max_length=5000, blank=True)

    class Meta:
        indexes = [
            # Counting per value and cross-tabulating read only this index.
            models.Index(fields=["question", "value", "response"], name="surveys_answer_qvr"),
            models.Index(fields=["response", "question"], name="surveys_answer_rq"),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.value or self.number or self.text[:40]}"
