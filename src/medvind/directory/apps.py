from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "medvind.directory"
    verbose_name = _("Contact bank and recruitment")
