"""Build the demo portal. Idempotent: running it again creates no duplicates and
keeps whatever an editor changed in between."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from home.models import HomePage

HOME_TITLES = {"vi": "Trang chủ"}


class Command(BaseCommand):
    help = "Load the demo content (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        locale_vi, _ = Locale.objects.get_or_create(language_code="vi")
        Locale.objects.get_or_create(language_code="en")
        home = self.ensure_home_page(locale_vi)
        self.ensure_site(home)
        self.stdout.write(self.style.SUCCESS(f"Demo content ready: home page {home.url_path}"))

    def ensure_home_page(self, locale):
        home = HomePage.objects.filter(locale=locale).first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's initial migration leaves a plain "Welcome" page; ours replaces it.
        for page in root.get_children().filter(
            content_type__app_label="wagtailcore", content_type__model="page"
        ):
            page.delete()
        home = root.add_child(
            instance=HomePage(title=HOME_TITLES["vi"], slug="trang-chu", locale=locale)
        )
        home.save_revision().publish()
        return home

    def ensure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="Cổng thông tin điện tử",
            )
        elif site.root_page_id != home.id and not isinstance(site.root_page.specific, HomePage):
            site.root_page = home
            site.save()
