from django.urls import path

from . import views

app_name = "learning"
urlpatterns = [
    path("learning/", views.paths, name="paths"),
    path("learning/me/", views.mine, name="mine"),
    path("learning/statistics/", views.statistics, name="statistics"),
    path("learning/new/", views.path_create, name="create"),
    path("learning/paths/<slug:slug>/", views.path_detail, name="path"),
    path("learning/paths/<slug:slug>/edit/", views.path_edit, name="edit"),
    path("learning/paths/<slug:slug>/publish/", views.path_publish, name="publish"),
    path("learning/paths/<slug:slug>/steps/add/", views.step_add, name="step_add"),
    path("learning/paths/<slug:slug>/steps/<int:step_id>/change/", views.step_change, name="step_change"),
    path("learning/paths/<slug:slug>/steps/<int:step_id>/move/", views.step_move, name="step_move"),
    path("learning/paths/<slug:slug>/steps/<int:step_id>/remove/", views.step_remove, name="step_remove"),
    path("learning/paths/<slug:slug>/start/", views.path_start, name="start"),
    path("learning/paths/<slug:slug>/certificate.pdf", views.certificate, name="certificate"),
    path("learning/paths/<slug:slug>/steps/<int:step_id>/done/", views.step_done, name="step_done"),
    path("learning/paths/<slug:slug>/steps/<int:step_id>/answer/", views.reflection, name="reflection"),
]
