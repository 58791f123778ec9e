from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from medvind.core.models import Organisation

from .models import Audit, AuditorProfile, Phase, Recommendation, Stance, TeamRole


class AuditForm(forms.ModelForm):
    class Meta:
        model = Audit
        fields = [
            "service",
            "commissioner",
            "question",
            "target_group",
            "timetable",
            "who_informs",
            "reporting_back",
            "follow_up_months",
            "retention_months",
        ]
        widgets = {
            "question": forms.Textarea(attrs={"rows": 3}),
            "timetable": forms.Textarea(attrs={"rows": 3}),
            "who_informs": forms.Textarea(attrs={"rows": 2}),
            "reporting_back": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.SERVICE
        ).order_by("name")
        self.fields["commissioner"].queryset = Organisation.objects.exclude(
            kind=Organisation.Kind.SERVICE
        ).order_by("name")


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("Next phase"), choices=Phase.choices)
    note = forms.CharField(label=_("Note (optional)"), max_length=500, required=False)

    def __init__(self, *args, allowed: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phase"].choices = [(p, Phase(p).label) for p in allowed]  # type: ignore[attr-defined]


class TeamAddForm(forms.Form):
    user = forms.TypedChoiceField(label=_("Person"), coerce=int)
    role = forms.ChoiceField(label=_("Role in the team"), choices=TeamRole.choices, initial=TeamRole.AUDITOR)

    def __init__(self, *args, people: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [("", "—"), *people]  # type: ignore[attr-defined]


class PoolForm(forms.ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages you can work in"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = AuditorProfile
        fields = ["experience_areas", "languages", "availability", "available", "services_used"]
        widgets = {"services_used": forms.CheckboxSelectMultiple}
        help_texts = {
            "services_used": _("You cannot audit a service you use yourself. Nobody else sees this list.")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["services_used"].queryset = Organisation.objects.filter(
            kind=Organisation.Kind.SERVICE
        ).order_by("name")


class TrainingForm(forms.Form):
    course = forms.CharField(label=_("Course"), max_length=200)
    started_on = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}))
    ended_on = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.IntegerField(label=_("Hours"), min_value=1, max_value=2000)

    def clean(self):
        data = super().clean()
        if data.get("started_on") and data.get("ended_on") and data["ended_on"] < data["started_on"]:
            self.add_error("ended_on", _("The course cannot end before it starts."))
        return data


class PoolFilterForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=[("", _("All")), *settings.LANGUAGES], required=False
    )
    area = forms.CharField(label=_("Experience area"), max_length=100, required=False)
    available = forms.BooleanField(label=_("Only those who can take part now"), required=False)


class SectionForm(forms.Form):
    text = forms.CharField(
        label=_("Text"),
        max_length=20000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 16}),
        help_text=_(
            "Write in short sentences. You can use simple formatting: **bold**, lists with -, links."
        ),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class RecommendationForm(forms.Form):
    text = forms.CharField(
        label=_("New recommendation"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Recommendation
        fields = ["stance", "answer", "action", "owner", "deadline", "progress"]
        widgets = {
            "stance": forms.RadioSelect,
            "answer": forms.Textarea(attrs={"rows": 3}),
            "action": forms.Textarea(attrs={"rows": 2}),
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stance"].required = False
        self.fields["stance"].choices = list(Stance.choices)  # type: ignore[attr-defined]


class InformationForm(forms.Form):
    information = forms.CharField(
        label=_("Information for respondents"),
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_("What the audit is, who asks, that answers are anonymous and how the results come back."),
    )
    easy_read = forms.CharField(
        label=_("The same in easy-read"),
        max_length=8000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Short sentences, common words, one thing at a time."),
    )
