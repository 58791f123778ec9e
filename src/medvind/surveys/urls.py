from django.urls import path

from .views import manage, respond, results

app_name = "surveys"
urlpatterns = [
    # Respondents (no account): the anonymous link, its QR code, resume and kiosk.
    path("s/<str:token>/", respond.start, name="answer_start"),
    path("s/<str:token>/page/<int:number>/", respond.page, name="answer_page"),
    path("s/<str:token>/saved/", respond.saved, name="answer_saved"),
    path("s/<str:token>/done/", respond.done, name="answer_done"),
    path("s/<str:token>/r/<str:secret>/", respond.resume, name="answer_resume"),
    path("s/<str:token>/kiosk/", respond.kiosk, name="answer_kiosk"),
    # Entering responses: paper forms and interviews typed in by an auditor.
    path("spaces/<slug:slug>/surveys/<int:pk>/enter/<str:mode>/", respond.enter, name="enter"),
    # Building and running surveys.
    path("spaces/<slug:slug>/surveys/", manage.survey_list, name="list"),
    path("s/<str:token>/qr.svg", manage.qr_svg, name="qr"),
    path("spaces/<slug:slug>/surveys/new/", manage.survey_create, name="create"),
    path("spaces/<slug:slug>/surveys/<int:pk>/", manage.survey_manage, name="manage"),
    path("spaces/<slug:slug>/surveys/<int:pk>/edit/", manage.survey_edit, name="edit"),
    path("spaces/<slug:slug>/surveys/<int:pk>/status/", manage.survey_status, name="status"),
    path("spaces/<slug:slug>/surveys/<int:pk>/new-round/", manage.survey_new_round, name="new_round"),
    path("spaces/<slug:slug>/surveys/<int:pk>/preview/", manage.preview, name="preview"),
    path("spaces/<slug:slug>/surveys/<int:pk>/sections/new/", manage.section_create, name="section_create"),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/sections/<int:section_id>/edit/",
        manage.section_edit,
        name="section_edit",
    ),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/sections/<int:section_id>/delete/",
        manage.section_delete,
        name="section_delete",
    ),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/sections/<int:section_id>/move/",
        manage.section_move,
        name="section_move",
    ),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/sections/<int:section_id>/questions/new/",
        manage.question_create,
        name="question_create",
    ),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/questions/<int:question_id>/edit/",
        manage.question_edit,
        name="question_edit",
    ),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/questions/<int:question_id>/delete/",
        manage.question_delete,
        name="question_delete",
    ),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/questions/<int:question_id>/move/",
        manage.question_move,
        name="question_move",
    ),
    # Results.
    path("spaces/<slug:slug>/surveys/<int:pk>/results/", results.results, name="results"),
    path(
        "spaces/<slug:slug>/surveys/<int:pk>/results/texts/<int:question>/",
        results.texts,
        name="results_texts",
    ),
]
