from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    # The audience first: the polled address should be found quickly.
    path("e/", views.join, name="join"),
    path("e/<str:code>/", views.audience, name="audience"),
    path("e/<str:code>/live/", views.audience_live, name="audience_live"),
    path("e/<str:code>/ask/", views.ask, name="ask"),
    path("e/<str:code>/qr.svg", views.qr_svg, name="qr"),
    path("e/<str:code>/questions/<int:question_id>/upvote/", views.upvote, name="upvote"),
    path("e/<str:code>/polls/<int:poll_id>/vote/", views.vote, name="vote"),
    path("spaces/<slug:slug>/events/", views.event_list, name="list"),
    path("spaces/<slug:slug>/events/new/", views.event_create, name="create"),
    path("spaces/<slug:slug>/events/<int:pk>/", views.event_manage, name="manage"),
    path("spaces/<slug:slug>/events/<int:pk>/edit/", views.event_edit, name="edit"),
    path("spaces/<slug:slug>/events/<int:pk>/waiting/", views.manage_live, name="manage_live"),
    path("spaces/<slug:slug>/events/<int:pk>/status/", views.event_status, name="status"),
    path("spaces/<slug:slug>/events/<int:pk>/present/", views.present, name="present"),
    path("spaces/<slug:slug>/events/<int:pk>/present/live/", views.present_live, name="present_live"),
    path("spaces/<slug:slug>/events/<int:pk>/export.csv", views.export_csv, name="export"),
    path("spaces/<slug:slug>/events/<int:pk>/polls/new/", views.poll_create, name="poll_create"),
    path(
        "spaces/<slug:slug>/events/<int:pk>/polls/<int:poll_id>/status/",
        views.poll_status,
        name="poll_status",
    ),
    path(
        "spaces/<slug:slug>/events/<int:pk>/questions/<int:question_id>/moderate/",
        views.question_moderate,
        name="moderate",
    ),
    path(
        "spaces/<slug:slug>/events/<int:pk>/questions/<int:question_id>/proposal/",
        views.question_proposal,
        name="proposal",
    ),
]
