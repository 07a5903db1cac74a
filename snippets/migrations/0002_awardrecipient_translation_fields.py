"""Make the recipient rows of awards translatable (step 1 of 2).

wagtail-localize then maps the agency a row names to its translation. Existing rows get a
translation key of their own and their award's locale; step 2 makes the fields required and
unique.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

ROW_MODELS = ["awardrecipient"]


def give_rows_a_locale_and_key(apps, schema_editor):
    for model_name in ROW_MODELS:
        model = apps.get_model("snippets", model_name)
        for row in model.objects.select_related("award").iterator():
            row.translation_key = uuid.uuid4()
            row.locale_id = row.award.locale_id
            row.save(update_fields=["translation_key", "locale"])


class Migration(migrations.Migration):
    dependencies = [
        ("snippets", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        operation
        for model_name in ROW_MODELS
        for operation in (
            migrations.AddField(
                model_name=model_name,
                name="translation_key",
                field=models.UUIDField(editable=False, null=True),
            ),
            migrations.AddField(
                model_name=model_name,
                name="locale",
                field=models.ForeignKey(
                    editable=False,
                    null=True,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="wagtailcore.locale",
                    verbose_name="locale",
                ),
            ),
        )
    ] + [migrations.RunPython(give_rows_a_locale_and_key, migrations.RunPython.noop)]
