from django.urls import path

from . import views

app_name = "knowledge"
urlpatterns = [
    path("knowledge/", views.item_list, name="list"),
    path("knowledge/new/", views.item_create, name="create"),
    path("knowledge/<slug:slug>/", views.item_detail, name="item"),
    path("knowledge/<slug:slug>/edit/", views.item_edit, name="edit"),
    path("knowledge/<slug:slug>/publish/", views.item_publish, name="publish"),
    path("knowledge/<slug:slug>/translation/", views.item_translation, name="translation"),
    path("knowledge/<slug:slug>/print/", views.item_print, name="print"),
    path("knowledge/<slug:slug>/files/", views.file_add, name="file_add"),
    path("knowledge/<slug:slug>/files/<int:pk>/", views.file_download, name="file"),
    path("knowledge/<slug:slug>/files/<int:pk>/remove/", views.file_remove, name="file_remove"),
    path("knowledge/<slug:slug>/media/", views.media, name="media"),
    path("knowledge/<slug:slug>/captions.vtt", views.captions, name="captions"),
]
