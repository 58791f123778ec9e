from django.urls import path

from . import views

app_name = "accounts"
urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("display/", views.display_settings, name="display"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/my-data.json", views.export, name="export"),
]
