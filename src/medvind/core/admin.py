from django.contrib import admin

from .models import (
    AuditLogEntry,
    Invitation,
    JoinRequest,
    Organisation,
    OrganisationMembership,
    Space,
    SpaceMembership,
)


class OrganisationMembershipInline(admin.TabularInline):
    model = OrganisationMembership
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "parent"]
    list_filter = ["kind", "country"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [OrganisationMembershipInline]


class SpaceMembershipInline(admin.TabularInline):
    model = SpaceMembership
    raw_id_fields = ["user"]
    extra = 0


@admin.register(Space)
class SpaceAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "visibility", "join_policy", "created_at"]
    list_filter = ["kind", "visibility"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SpaceMembershipInline]


admin.site.register(JoinRequest)
admin.site.register(Invitation)


@admin.register(AuditLogEntry)
class AuditLogEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "object_repr"]
    list_filter = ["action"]
    search_fields = ["object_repr", "action"]
    readonly_fields = [f.name for f in AuditLogEntry._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
