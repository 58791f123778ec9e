from django.urls import path

from . import views

app_name = "audits"
urlpatterns = [
    path("audits/pool/", views.pool, name="pool"),
    path("audits/pool/me/", views.pool_me, name="pool_me"),
    path("spaces/<slug:slug>/audit/", views.audit_detail, name="detail"),
    path("spaces/<slug:slug>/audit/commission/", views.audit_commission, name="commission"),
    path("spaces/<slug:slug>/audit/edit/", views.audit_edit, name="edit"),
    path("spaces/<slug:slug>/audit/accept/", views.agreement_accept, name="accept"),
    path("spaces/<slug:slug>/audit/phase/", views.phase_change, name="phase"),
    path("spaces/<slug:slug>/audit/team/", views.team, name="team"),
    path("spaces/<slug:slug>/audit/follow-up/", views.follow_up, name="follow_up"),
    path("spaces/<slug:slug>/audit/team/<int:member_id>/remove/", views.team_remove, name="team_remove"),
    path("spaces/<slug:slug>/audit/report/", views.report, name="report"),
    path("spaces/<slug:slug>/audit/report.pdf", views.report_pdf, name="report_pdf"),
    path("spaces/<slug:slug>/audit/report.html", views.report_html, name="report_html"),
    path("spaces/<slug:slug>/audit/information/", views.information, name="information"),
    path("spaces/<slug:slug>/audit/information/edit/", views.information_edit, name="information_edit"),
    path("spaces/<slug:slug>/audit/report/<str:kind>/edit/", views.section_edit, name="section_edit"),
    path(
        "spaces/<slug:slug>/audit/recommendations/new/", views.recommendation_add, name="recommendation_add"
    ),
    path(
        "spaces/<slug:slug>/audit/recommendations/<int:pk>/delete/",
        views.recommendation_delete,
        name="recommendation_delete",
    ),
    path(
        "spaces/<slug:slug>/audit/recommendations/<int:pk>/answer/",
        views.recommendation_answer,
        name="recommendation_answer",
    ),
]
