"""The settings' contacts, header lines, logo and EMC code; the contact, content and sitemap
page types; the links to portals, which the administrators keep (like the other reference
data, editorial 0001)."""

import django.core.validators
import django.db.models.deletion
import uuid
import wagtail.fields
from django.conf import settings
from django.db import migrations, models


ADMINISTRATORS = "Quản trị viên"
LINK_PERMISSIONS = [
    f"{action}_publicservicelink" for action in ("add", "change", "delete", "publish")
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="home", model="publicservicelink")
    permissions = [
        Permission.objects.get_or_create(
            content_type=content_type,
            codename=codename,
            defaults={"name": f"Can {codename.split('_')[0]} link to a portal"},
        )[0]
        for codename in LINK_PERMISSIONS
    ]
    group, _ = Group.objects.get_or_create(name=ADMINISTRATORS)
    group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0001_roles_and_moderation_workflow"),
        ("home", "0002_homepage_intro_portal_settings"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContactPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("intro", wagtail.fields.RichTextField(blank=True, verbose_name="introduction")),
            ],
            options={
                "verbose_name": "contact page",
                "verbose_name_plural": "contact pages",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="ContentPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
                ("body", wagtail.fields.RichTextField(blank=True, verbose_name="text")),
                (
                    "show_in_footer",
                    models.BooleanField(
                        default=False,
                        help_text="A link to this page in every page's footer (the accessibility statement).",
                        verbose_name="show in the footer",
                    ),
                ),
            ],
            options={
                "verbose_name": "content page",
                "verbose_name_plural": "content pages",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.CreateModel(
            name="SitemapPage",
            fields=[
                (
                    "page_ptr",
                    models.OneToOneField(
                        auto_created=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        parent_link=True,
                        primary_key=True,
                        serialize=False,
                        to=settings.WAGTAIL_PAGE_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "sitemap page",
                "verbose_name_plural": "sitemap pages",
            },
            bases=("wagtailcore.page",),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="agency_name",
            field=models.CharField(
                blank=True,
                help_text='For example "SỞ KHOA HỌC VÀ CÔNG NGHỆ". Leave empty to show the operating agency\'s name.',
                max_length=255,
                verbose_name="agency name in the header",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="agency_name_en",
            field=models.CharField(
                blank=True, max_length=255, verbose_name="agency name in the header (English)"
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="emc_script_url",
            field=models.URLField(
                blank=True,
                help_text="The https address of the script of the national digital-government measurement system (EMC), as given by the system. Empty: no script.",
                validators=[django.core.validators.URLValidator(schemes=["https"])],
                verbose_name="EMC monitoring script",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="governing_body",
            field=models.CharField(
                blank=True,
                help_text='The header\'s first line, above the agency: "ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG".',
                max_length=255,
                verbose_name="governing body",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="governing_body_en",
            field=models.CharField(
                blank=True, max_length=255, verbose_name="governing body (English)"
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="latitude",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(-90),
                    django.core.validators.MaxValueValidator(90),
                ],
                verbose_name="latitude",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="logo",
            field=models.ForeignKey(
                blank=True,
                help_text="The emblem beside the names in the header (square, transparent PNG).",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="logo",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="longitude",
            field=models.DecimalField(
                blank=True,
                decimal_places=6,
                help_text="With the latitude: a link to the place on OpenStreetMap.",
                max_digits=9,
                null=True,
                validators=[
                    django.core.validators.MinValueValidator(-180),
                    django.core.validators.MaxValueValidator(180),
                ],
                verbose_name="longitude",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="map_image",
            field=models.ForeignKey(
                blank=True,
                help_text="An optional picture of the map, shown on the contact page. Its description is the alternative text.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
                verbose_name="map image",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="other_phones",
            field=wagtail.fields.StreamField(
                [("phone", 3)],
                blank=True,
                block_lookup={
                    0: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": 'For example "Đường dây nóng".',
                            "label": "label",
                            "max_length": 80,
                        },
                    ),
                    1: (
                        "wagtail.blocks.CharBlock",
                        (),
                        {
                            "help_text": "Leave empty to use the Vietnamese label.",
                            "label": "label (English)",
                            "max_length": 80,
                            "required": False,
                        },
                    ),
                    2: ("wagtail.blocks.CharBlock", (), {"label": "number", "max_length": 60}),
                    3: (
                        "wagtail.blocks.StructBlock",
                        [[("label", 0), ("label_en", 1), ("number", 2)]],
                        {},
                    ),
                },
                help_text="The hotline and other numbers, each with its label.",
                verbose_name="other phones",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="working_hours",
            field=models.TextField(
                blank=True,
                help_text='For example "Thứ Hai - Thứ Sáu: 7h30 - 11h30, 13h30 - 17h00".',
                verbose_name="working hours",
            ),
        ),
        migrations.AddField(
            model_name="portalsettings",
            name="working_hours_en",
            field=models.TextField(blank=True, verbose_name="working hours (English)"),
        ),
        migrations.AlterField(
            model_name="portalsettings",
            name="phone",
            field=models.CharField(
                blank=True, help_text="Switchboard.", max_length=60, verbose_name="phone"
            ),
        ),
        migrations.CreateModel(
            name="PublicServiceLink",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("live", models.BooleanField(default=True, editable=False, verbose_name="live")),
                (
                    "has_unpublished_changes",
                    models.BooleanField(
                        default=False, editable=False, verbose_name="has unpublished changes"
                    ),
                ),
                (
                    "first_published_at",
                    models.DateTimeField(
                        blank=True, db_index=True, null=True, verbose_name="first published at"
                    ),
                ),
                (
                    "last_published_at",
                    models.DateTimeField(
                        editable=False, null=True, verbose_name="last published at"
                    ),
                ),
                (
                    "go_live_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="go live date/time"),
                ),
                (
                    "expire_at",
                    models.DateTimeField(blank=True, null=True, verbose_name="expiry date/time"),
                ),
                (
                    "expired",
                    models.BooleanField(default=False, editable=False, verbose_name="expired"),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Shown under the logo, and read by screen readers.",
                        max_length=160,
                        verbose_name="name",
                    ),
                ),
                ("url", models.URLField(verbose_name="address (URL)")),
                (
                    "group",
                    models.CharField(
                        choices=[
                            ("a-public-services", "Public service portals"),
                            ("b-agencies", "Agencies' portals"),
                        ],
                        default="a-public-services",
                        max_length=32,
                        verbose_name="group",
                    ),
                ),
                ("sort_order", models.PositiveSmallIntegerField(default=0, verbose_name="order")),
                (
                    "latest_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="latest revision",
                    ),
                ),
                (
                    "live_revision",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailcore.revision",
                        verbose_name="live revision",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "logo",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="logo",
                    ),
                ),
            ],
            options={
                "verbose_name": "link to a portal",
                "verbose_name_plural": "links to portals",
                "ordering": ["group", "sort_order", "id"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
