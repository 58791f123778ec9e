"""On SQLite, an FTS5 index of trigrams over the proposals' titles and texts, kept up to date by triggers,
so that search and similar proposals find any part of a word (as the substring match they replace did)
without reading every proposal. PostgreSQL uses its own full-text search (0002) and gets nothing here."""

from django.db import migrations

CREATE = [
    "CREATE VIRTUAL TABLE proposals_proposal_fts USING fts5("
    "title, body, content='proposals_proposal', content_rowid='id', tokenize='trigram')",
    "CREATE TRIGGER proposals_proposal_fts_insert AFTER INSERT ON proposals_proposal BEGIN "
    "INSERT INTO proposals_proposal_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "CREATE TRIGGER proposals_proposal_fts_delete AFTER DELETE ON proposals_proposal BEGIN "
    "INSERT INTO proposals_proposal_fts (proposals_proposal_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); END",
    "CREATE TRIGGER proposals_proposal_fts_update AFTER UPDATE OF title, body ON proposals_proposal BEGIN "
    "INSERT INTO proposals_proposal_fts (proposals_proposal_fts, rowid, title, body) "
    "VALUES ('delete', old.id, old.title, old.body); "
    "INSERT INTO proposals_proposal_fts (rowid, title, body) VALUES (new.id, new.title, new.body); END",
    "INSERT INTO proposals_proposal_fts (proposals_proposal_fts) VALUES ('rebuild')",
]
DROP = [
    "DROP TRIGGER IF EXISTS proposals_proposal_fts_update",
    "DROP TRIGGER IF EXISTS proposals_proposal_fts_delete",
    "DROP TRIGGER IF EXISTS proposals_proposal_fts_insert",
    "DROP TABLE IF EXISTS proposals_proposal_fts",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in CREATE:
            schema_editor.execute(statement)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("proposals", "0004_overdue_list_index")]
    operations = [migrations.RunPython(create, drop)]
