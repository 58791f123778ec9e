from django.core.management.base import BaseCommand

from medvind.forums.tasks import send_meeting_reminders


class Command(BaseCommand):
    help = "Email a reminder to everyone registered for a meeting tomorrow. Run it daily (cron or a timer)."

    def handle(self, *args, **options):
        result = send_meeting_reminders.enqueue()
        self.stdout.write(f"Meeting reminders queued ({result.status}).")
