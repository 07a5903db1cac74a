"""A GIN index on the combined title and body vectors of Wagtail's search index (PostgreSQL).

The PostgreSQL search backend matches `(title || body) @@ query`: without an index on that
expression every index entry is read and matched, so a search costs more with every page.
Other databases have no such expression (SQLite uses FTS5): nothing to do there.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index)]
