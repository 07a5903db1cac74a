"""Two indexes on Wagtail's page table that its own migrations do not create.

- `last_published_at`: every incremental sync (`?updated_since=`) filters on it. Without an
  index each one read the whole table (two sequential scans of 200,000 pages, 55 ms each).
- `(depth, path)`: a page's children are `depth = n + 1` and a `path` range (treebeard),
  which the path index alone answers by reading every descendant (the menu under the home
  page: the whole site).

Wagtail's page model is not ours to add `Meta.indexes` to, so they are created here by SQL
that both SQLite and PostgreSQL read.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_content_change_log"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_last_published_at "
            "ON wagtailcore_page (last_published_at)",
            reverse_sql="DROP INDEX IF EXISTS portal_page_last_published_at",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS portal_page_depth_path ON wagtailcore_page (depth, path)",
            reverse_sql="DROP INDEX IF EXISTS portal_page_depth_path",
        ),
    ]
