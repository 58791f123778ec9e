from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("organisations/", views.organisation_list, name="organisation_list"),
    path("organisations/new/", views.organisation_create, name="organisation_create"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation_detail"),
    path("organisations/<slug:slug>/edit/", views.organisation_edit, name="organisation_edit"),
    path("organisations/<slug:slug>/members/", views.organisation_members, name="organisation_members"),
    path(
        "organisations/<slug:slug>/members/<int:member_id>/remove/",
        views.organisation_member_remove,
        name="organisation_member_remove",
    ),
    path("organisations/<slug:slug>/audit-log/", views.organisation_audit_log, name="organisation_audit_log"),
    path("spaces/", views.space_list, name="space_list"),
    path("spaces/new/", views.space_create, name="space_create"),
    path("spaces/<slug:slug>/", views.space_detail, name="space_detail"),
    path("spaces/<slug:slug>/edit/", views.space_edit, name="space_edit"),
    path("spaces/<slug:slug>/join/", views.space_join, name="space_join"),
    path("spaces/<slug:slug>/leave/", views.space_leave, name="space_leave"),
    path("spaces/<slug:slug>/members/", views.space_members, name="space_members"),
    path(
        "spaces/<slug:slug>/members/<int:member_id>/", views.space_member_change, name="space_member_change"
    ),
    path(
        "spaces/<slug:slug>/requests/<int:request_id>/", views.join_request_decide, name="join_request_decide"
    ),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("audit-log/", views.audit_log, name="audit_log"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("privacy/", views.privacy, name="privacy"),
]
