"""One way to render every form, ours and allauth's: Designsystemet classes, labels, help and errors
wired to the input with aria-describedby so that screen readers announce them."""

from typing import Any

from django.forms import BoundField
from django.forms.renderers import TemplatesSetting


class MedvindBoundField(BoundField):
    def build_widget_attrs(self, attrs: dict[str, Any], widget: Any = None) -> dict[str, Any]:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if getattr(widget, "input_type", None) != "hidden":
            attrs["class"] = f"{attrs.get('class', '')} ds-input".strip()
        described_by = []
        if self.help_text:
            described_by.append(f"{self.auto_id}_helptext")
        if self.errors:
            described_by.append(f"{self.auto_id}_error")
            attrs["aria-invalid"] = "true"
        if described_by:
            attrs["aria-describedby"] = " ".join(described_by)
        return attrs


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = MedvindBoundField
