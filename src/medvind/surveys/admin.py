"""Surveys in the admin: to look, not to change. Every change goes through the services (the survey's
own pages), which keep answered questions locked. Responses are not shown: they are anonymous and
are read through the results pages, which never show a group smaller than the survey's threshold."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from .models import Question, Section, Survey


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class SectionInline(admin.TabularInline):
    model = Section
    fields = ("position", "title")
    readonly_fields = ("position", "title")
    extra = 0
    can_delete = False
    show_change_link = False

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ["title", "space", "status", "language", "created_at"]
    list_filter = ["status", "language"]
    search_fields = ["title", "space__title"]
    list_select_related = ["space"]
    exclude = ["token"]  # the anonymous link is shown to those who run the survey, not in the admin
    inlines = [SectionInline]


@admin.register(Question)
class QuestionAdmin(ReadOnlyAdmin):
    list_display = ["key", "text", "kind", "survey", "required"]
    list_filter = ["kind"]
    search_fields = ["text", "key", "survey__title"]
    list_select_related = ["survey"]
