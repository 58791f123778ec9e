from django.urls import path

from . import views

app_name = "forums"
urlpatterns = [
    path("spaces/<slug:slug>/meetings/", views.meeting_list, name="meetings"),
    path("spaces/<slug:slug>/meetings/new/", views.meeting_create, name="meeting_create"),
    path("spaces/<slug:slug>/meetings/calendar.ics", views.forum_feed, name="forum_feed"),
    path("spaces/<slug:slug>/meetings/<int:pk>/", views.meeting_detail, name="meeting"),
    path("spaces/<slug:slug>/meetings/<int:pk>/edit/", views.meeting_edit, name="meeting_edit"),
    path("spaces/<slug:slug>/meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("spaces/<slug:slug>/meetings/<int:pk>/held/", views.meeting_held, name="meeting_held"),
    path("spaces/<slug:slug>/meetings/<int:pk>/meeting.ics", views.meeting_ics, name="meeting_ics"),
    path("spaces/<slug:slug>/meetings/<int:pk>/register/", views.register, name="register"),
    path("spaces/<slug:slug>/meetings/<int:pk>/unregister/", views.unregister, name="unregister"),
    path(
        "spaces/<slug:slug>/meetings/<int:pk>/registrations/", views.registration_list, name="registrations"
    ),
    path(
        "spaces/<slug:slug>/meetings/<int:pk>/registrations.csv",
        views.registrations_csv,
        name="registrations_csv",
    ),
    path("spaces/<slug:slug>/meetings/<int:pk>/agenda/propose/", views.agenda_propose, name="agenda_propose"),
    path(
        "spaces/<slug:slug>/meetings/<int:pk>/agenda/<int:item_id>/vote/",
        views.agenda_vote,
        name="agenda_vote",
    ),
    path("spaces/<slug:slug>/meetings/<int:pk>/agenda/", views.agenda_manage, name="agenda_manage"),
    path("spaces/<slug:slug>/meetings/<int:pk>/minutes/", views.minutes, name="minutes"),
    path("spaces/<slug:slug>/forum/actions/", views.overview, name="overview"),
    path("spaces/<slug:slug>/forum/actions/<int:action_id>/", views.action_status, name="action_status"),
    path("spaces/<slug:slug>/forum/people/", views.people, name="people"),
    path("meetings/mine/", views.my_meetings, name="my_meetings"),
    path("meetings/feed/<str:token>.ics", views.my_feed, name="my_feed"),
    path("meetings/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
