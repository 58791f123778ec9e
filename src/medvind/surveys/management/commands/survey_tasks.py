from django.core.management.base import BaseCommand

from medvind.surveys.tasks import delete_unsent_responses


class Command(BaseCommand):
    help = "Delete survey answers that were started and never sent (after 60 days). Run it daily."

    def handle(self, *args, **options):
        result = delete_unsent_responses.enqueue()
        self.stdout.write(f"{delete_unsent_responses.name}: {result.status}.")
