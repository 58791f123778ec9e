from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from medvind.accounts.views import set_language
from medvind.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", core_views.home, name="home"),
    path("", include("medvind.core.urls")),
    path("", include("medvind.proposals.urls")),
    path("", include("medvind.forums.urls")),
    path("", include("medvind.events.urls")),
    path("", include("medvind.surveys.urls")),
    path("", include("medvind.audits.urls")),
    path("", include("medvind.knowledge.urls")),
    path("", include("medvind.learning.urls")),
    path("", include("medvind.directory.urls")),
    path("account/", include("medvind.accounts.urls")),
    path("accounts/", include("allauth.urls")),
)

handler403 = "medvind.core.views.error_403"
handler404 = "medvind.core.views.error_404"
handler500 = "medvind.core.views.error_500"
