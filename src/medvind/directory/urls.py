from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("directory/", views.organisation_list, name="organisations"),
    path("directory/folder/<slug:slug>.pdf", views.folder_pdf, name="folder_pdf"),
    path("directory/organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("directory/organisations/<slug:slug>/edit/", views.entry_edit, name="entry_edit"),
    path(
        "directory/organisations/<slug:slug>/contact/",
        views.organisation_contact,
        name="organisation_contact",
    ),
    path("directory/representatives/", views.representative_list, name="representatives"),
    path("directory/representatives/me/", views.listing_me, name="listing_me"),
    path("directory/representatives/me/withdraw/", views.listing_withdraw, name="listing_withdraw"),
    path(
        "directory/representatives/<int:pk>/contact/",
        views.representative_contact,
        name="representative_contact",
    ),
    path("calls/", views.call_list, name="calls"),
    path("calls/<int:pk>/", views.call_detail, name="call_detail"),
    path("calls/<int:pk>/close/", views.call_close, name="call_close"),
    path("calls/<int:pk>/applications/", views.applications, name="applications"),
    path(
        "calls/<int:pk>/applications/<int:application_id>/decide/",
        views.application_decide,
        name="application_decide",
    ),
    path("spaces/<slug:slug>/calls/new/", views.call_create, name="call_create"),
    path("directory/panel/me/", views.panel_me, name="panel_me"),
    path("spaces/<slug:slug>/surveys/<int:pk>/panel/", views.consultation_send, name="consultation_send"),
]
