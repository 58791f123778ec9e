from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from medvind.audits import demo as audits_demo
from medvind.core.demo import DEMO_PASSWORD, PEOPLE, load_demo
from medvind.directory import demo as directory_demo
from medvind.events import demo as events_demo
from medvind.forums import demo as forums_demo
from medvind.knowledge import demo as knowledge_demo
from medvind.learning import demo as learning_demo
from medvind.proposals import demo as proposals_demo
from medvind.surveys import demo as surveys_demo


class Command(BaseCommand):
    help = "Load the demo data once (safe to run again) and print the demo accounts."

    def handle(self, *args, **options):
        # The demo's invitations would otherwise print on the console at every start.
        with (
            override_settings(
                MAILERS={"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
            ),
            transaction.atomic(),
        ):
            created = load_demo()
            if created:
                proposals_demo.load_demo()
                forums_demo.load_demo()
                events_demo.load_demo()
                surveys_demo.load_demo()
                audits_demo.load_demo()
                knowledge_demo.load_demo()
                learning_demo.load_demo()
                directory_demo.load_demo()
        self.stdout.write("Demo data loaded." if created else "Demo data already present.")
        self.stdout.write(f"\nDemo accounts (password for all: {DEMO_PASSWORD}; demo only):")
        for person in PEOPLE:
            self.stdout.write(f"  {person.email:32} {person.role}")
