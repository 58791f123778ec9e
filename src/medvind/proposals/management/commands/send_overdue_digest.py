from django.core.management.base import BaseCommand

from medvind.proposals.tasks import send_overdue_digest


class Command(BaseCommand):
    help = "Email responders and facilitators a list of overdue proposals. Run it weekly (cron or a timer)."

    def handle(self, *args, **options):
        result = send_overdue_digest.enqueue()
        self.stdout.write(f"Overdue digest queued ({result.status}).")
