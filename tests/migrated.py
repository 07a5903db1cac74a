"""What the data migrations create, put back after a transactional test flushed it."""

import importlib

from django.apps import apps
from django.conf import settings
from wagtail.models import Collection, Locale, Page


def restore_migrated_data():
    """Every transactional test ends by emptying all tables: the root page and collection,
    the default locale, the editorial groups and the workflow are then gone for the next
    test. (Serialized rollback cannot help: a flush without it re-creates content types,
    which its reload then collides with.)"""
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    if Page.get_first_root_node() is None:
        Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    roles = importlib.import_module("editorial.migrations.0001_roles_and_moderation_workflow")
    roles.set_up_roles(apps, None)
    # What later migrations grant the roles (the registry's comments, the calendar's secretary
    # and workflow, the links to portals) goes back too.
    legal = importlib.import_module("legal_documents.migrations.0002_roles_for_legal_documents")
    legal.grant(apps, None)
    calendar = importlib.import_module("work_calendar.migrations.0001_work_calendar")
    calendar.grant(apps, None)
    links = importlib.import_module("home.migrations.0003_portal_chrome")
    links.grant(apps, None)
