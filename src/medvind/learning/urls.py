from django.urls import path

from . import views

app_name = "learning"
urlpatterns = [
    path("learning/", views.paths, name="paths"),
    path("learning/me/", views.mine, name="mine"),
    path("learning/statistics/", views.statistics, name="statistics"),
    path("learning/paths/<slug:slug>/", views.path_detail, name="path"),
    path("learning/paths/<slug:slug>/start/", views.path_start, name="start"),
    path("learning/paths/<slug:slug>/certificate.pdf", views.certificate, name="certificate"),
    path("learning/paths/<slug:slug>/steps/<int:step_id>/done/", views.step_done, name="step_done"),
    path("learning/paths/<slug:slug>/steps/<int:step_id>/answer/", views.reflection, name="reflection"),
]
