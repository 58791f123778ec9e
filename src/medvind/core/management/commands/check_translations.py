"""Extract every translatable string, fail on any that is missing or fuzzy in a language, compile.

English is the source language: its catalogue is filled from the source strings themselves."""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

IGNORE = [".venv/*", "node_modules/*", "var/*", "tests/*", "bench/*", "docs/*", "src/medvind/locale_vendor/*"]


def missing_entries(po: polib.POFile) -> list[str]:
    problems = []
    for entry in po:
        if entry.obsolete:
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        elif entry.msgid_plural:
            if not entry.msgstr_plural or not all(entry.msgstr_plural.values()):
                problems.append(f"missing plural: {entry.msgid!r}")
        elif not entry.msgstr:
            problems.append(f"missing: {entry.msgid!r}")
    return problems


def fill_english(po: polib.POFile) -> None:
    po.metadata_is_fuzzy = False  # the header makemessages writes; the catalogue is complete by construction
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
        else:
            entry.msgstr = entry.msgid
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")


class Command(BaseCommand):
    help = "Update the message catalogues, check that every string is translated in every language, compile."

    def add_arguments(self, parser):
        parser.add_argument("--update", action="store_true", help="Update and compile, but do not fail.")

    def handle(self, *args, update: bool = False, **options):
        codes = [code for code, _name in settings.LANGUAGES]
        call_command(
            "makemessages",
            locale=codes,
            ignore_patterns=IGNORE,
            no_obsolete=True,
            no_location=True,
            verbosity=0,
        )
        locale_dir = Path(settings.LOCALE_PATHS[0])
        failures = {}
        for code in codes:
            po_path = locale_dir / code / "LC_MESSAGES" / "django.po"
            po = polib.pofile(str(po_path), wrapwidth=0)
            if code == "en":
                fill_english(po)
                po.save()
            problems = missing_entries(po)
            if problems:
                failures[code] = problems
            po.save_as_mofile(str(po_path.with_suffix(".mo")))
        for vendor_po in Path(settings.LOCALE_PATHS[1]).glob("*/LC_MESSAGES/django.po"):
            vendor = polib.pofile(str(vendor_po))
            vendor.save_as_mofile(str(vendor_po.with_suffix(".mo")))
        if failures and not update:
            lines = [f"{code}: {problem}" for code, problems in failures.items() for problem in problems]
            raise CommandError(
                "Untranslated strings:\n" + "\n".join(lines[:200]) + f"\n({len(lines)} in all)"
            )
        total = sum(len(p) for p in failures.values())
        self.stdout.write(
            f"Translations checked: {total} missing or fuzzy." if total else "All strings translated."
        )
