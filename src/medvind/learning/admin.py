"""Paths and their steps in Django's admin. Enrolments and reflections are not here: a reflection is
seen by its author only."""

from django.contrib import admin

from .models import Path, Step


class StepInline(admin.TabularInline):
    model = Step
    extra = 0
    autocomplete_fields = ()
    raw_id_fields = ("item",)


@admin.register(Path)
class PathAdmin(admin.ModelAdmin):
    list_display = ("title", "language", "published", "records_auditor_training")
    list_filter = ("language", "published")
    search_fields = ("title",)
    prepopulated_fields = {"slug": ("title",)}
    inlines = [StepInline]
