from django.core.management.base import BaseCommand

from medvind.directory.tasks import send_panel_reminders


class Command(BaseCommand):
    help = "Remind the experience panel of consultations that close within two days. Run it daily."

    def handle(self, *args, **options):
        result = send_panel_reminders.enqueue()
        self.stdout.write(f"{send_panel_reminders.name}: {result.status}.")
