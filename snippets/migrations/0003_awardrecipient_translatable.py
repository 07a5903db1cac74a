"""Make the recipient rows of awards translatable (step 2 of 2): required, unique."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

ROW_MODELS = ["awardrecipient"]


class Migration(migrations.Migration):
    dependencies = [("snippets", "0002_awardrecipient_translation_fields")]

    operations = [
        operation
        for model_name in ROW_MODELS
        for operation in (
            migrations.AlterField(
                model_name=model_name,
                name="translation_key",
                field=models.UUIDField(default=uuid.uuid4, editable=False),
            ),
            migrations.AlterField(
                model_name=model_name,
                name="locale",
                field=models.ForeignKey(
                    editable=False,
                    on_delete=django.db.models.deletion.PROTECT,
                    related_name="+",
                    to="wagtailcore.locale",
                    verbose_name="locale",
                ),
            ),
            migrations.AlterUniqueTogether(
                name=model_name, unique_together={("translation_key", "locale")}
            ),
        )
    ]
