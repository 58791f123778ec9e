from django.urls import path

from . import feeds, views

app_name = "proposals"
urlpatterns = [
    path("spaces/<slug:slug>/proposals/", views.proposal_list, name="list"),
    path("spaces/<slug:slug>/proposals/new/", views.proposal_create, name="create"),
    path("spaces/<slug:slug>/proposals/similar/", views.similar, name="similar"),
    path("spaces/<slug:slug>/proposals/export.csv", views.export_csv, name="export"),
    path("spaces/<slug:slug>/proposals/rss/", feeds.ProposalsFeed(), name="feed_rss"),
    path("spaces/<slug:slug>/proposals/atom/", feeds.ProposalsAtomFeed(), name="feed_atom"),
    path("spaces/<slug:slug>/answers/rss/", feeds.AnswersFeed(), name="answers_rss"),
    path("spaces/<slug:slug>/answers/atom/", feeds.AnswersAtomFeed(), name="answers_atom"),
    path("spaces/<slug:slug>/proposals/<int:pk>/", views.proposal_detail, name="detail"),
    path("spaces/<slug:slug>/proposals/<int:pk>/answer/", views.answer, name="answer"),
    path("spaces/<slug:slug>/proposals/<int:pk>/assign/", views.assign, name="assign"),
    path("spaces/<slug:slug>/proposals/<int:pk>/support/", views.support, name="support"),
    path("spaces/<slug:slug>/proposals/<int:pk>/follow/", views.follow, name="follow"),
    path("spaces/<slug:slug>/proposals/<int:pk>/comment/", views.comment, name="comment"),
    path(
        "spaces/<slug:slug>/proposals/<int:pk>/comments/<int:comment_id>/",
        views.comment_edit,
        name="comment_edit",
    ),
    path(
        "spaces/<slug:slug>/proposals/<int:pk>/attachments/<int:attachment_id>/",
        views.attachment,
        name="attachment",
    ),
    path("spaces/<slug:slug>/proposals/<int:pk>/report/", views.report, name="report"),
    path("spaces/<slug:slug>/proposals/<int:pk>/hide/", views.hide, name="hide"),
    path("spaces/<slug:slug>/proposals/<int:pk>/merge/", views.merge, name="merge"),
    path("spaces/<slug:slug>/accountability/", views.accountability, name="accountability"),
    path("spaces/<slug:slug>/themes/", views.themes, name="themes"),
    path(
        "organisations/<slug:slug>/accountability/",
        views.organisation_accountability,
        name="organisation_accountability",
    ),
    path("notifications/", views.notifications, name="notifications"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
