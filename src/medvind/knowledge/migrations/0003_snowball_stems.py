from django.db import migrations


def reindex(apps, schema_editor):
    """The stored stems now come from snowballstemmer (they came from a suffix stripper)."""
    from medvind.knowledge.services import items_reindex

    items_reindex(apps.get_model("knowledge", "Item"))


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_search")]

    operations = [migrations.RunPython(reindex, migrations.RunPython.noop)]
