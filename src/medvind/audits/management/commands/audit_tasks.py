from django.core.management.base import BaseCommand

from medvind.audits.tasks import delete_expired_raw_answers, send_follow_up_reminders


class Command(BaseCommand):
    help = (
        "Send due follow-up reminders for user-led audits and delete raw answers whose retention time is "
        "over. Run it daily (cron or a timer)."
    )

    def handle(self, *args, **options):
        for job in (send_follow_up_reminders, delete_expired_raw_answers):
            result = job.enqueue()
            self.stdout.write(f"{job.name}: {result.status}.")
