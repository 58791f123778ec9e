from django.urls import path

from .views import manage, respond, results

app_name = "surveys"
urlpatterns = [
    # Respondents (no account): the anonymous link, its QR code, resume and kiosk.
    path("s/<str:token>/", respond.start, name="answer_start"),
    # Building and running surveys.
    path("spaces/<slug:slug>/surveys/", manage.survey_list, name="list"),
    path("spaces/<slug:slug>/surveys/<int:pk>/", manage.survey_manage, name="manage"),
    # Results.
    path("spaces/<slug:slug>/surveys/<int:pk>/results/", results.results, name="results"),
]
