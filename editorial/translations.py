"""Translations follow the same permissions and moderation as any other change.

wagtail-localize decides on its own when a translation goes live: "Translate this page"
publishes the copy of a live page (and makes live aliases of untranslated parents), and its
publishes run after the transaction without a user, so history names no one. Saving a
"draft" of an existing translation with its `save_target(publish=False)` is no draft either:
it writes the translated fields into the page's row, which is what readers see, and sets a
live snippet's `live` to False.

The rules here, used by the views in editorial.translation_views:
- a new translation (and an untranslated parent) is created as a draft, for everyone;
- an existing translation is published only by a user who may publish it, in their name;
- anyone else gets a real draft (a revision), which a page can take through its workflow.
"""

import contextlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator


def can_publish(user, instance):
    """May `user` publish `instance` (a page, or a snippet of its kind)?"""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    action = "publish" if isinstance(instance, DraftStateMixin) else "change"
    return user.has_perm(get_permission_name(action, type(instance)))


def can_edit(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_edit()
    return user.has_perm(get_permission_name("change", type(instance)))


def can_translate(user, instance):
    """May `user` create translations of `instance`?

    A page: whoever may edit it (Wagtail's own rule for copying for translation). A snippet:
    whoever may add one of its kind, since its translation is a new object.
    """
    if isinstance(instance, Page):
        return can_edit(user, instance)
    return user.has_perm(get_permission_name("add", type(instance)))


def is_live_alias(page):
    return page is not None and page.alias_of_id is not None and page.live


class DraftTranslationCreator(TranslationCreator):
    """wagtail-localize's TranslationCreator, except that it only creates drafts.

    New translations are drafts whoever asks. Existing translations (of the agencies, people
    or awards a page refers to) are left alone: saving one would publish or unpublish it.
    Objects the user may not translate are skipped (the page falls back to the source), and
    so is a live alias the user may not publish, since converting it changes a live page.
    """

    def __init__(self, user, target_locales):
        super().__init__(user, target_locales)
        self.skipped = []

    def create_translations(self, instance, include_related_objects=True, convert_aliases=True):
        if isinstance(instance, Page):
            instance = instance.specific
        if instance.translation_key in self.seen_objects:
            return
        self.seen_objects.add(instance.translation_key)
        locales = self._locales_to_create(instance, convert_aliases)
        if not locales:
            return
        source, _ = TranslationSource.get_or_create_from_instance(instance)
        if include_related_objects:
            # One level only, as wagtail-localize does.
            for segment in source.relatedobjectsegment_set.all():
                related = segment.object.get_instance(instance.locale)
                self.create_translations(related, include_related_objects=False)
        mode = getattr(
            instance,
            "localize_default_translation_mode",
            getattr(settings, "WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE", "synced"),
        )
        for locale, alias in locales:
            translation, _ = Translation.objects.update_or_create(
                source=source, target_locale=locale, defaults={"enabled": mode == "synced"}
            )
            self.mappings[source].append(translation)
            with contextlib.suppress(ValidationError), transaction.atomic():
                translation.save_target(
                    user=self.user, publish=not isinstance(instance, DraftStateMixin)
                )
                if alias is not None:
                    # The converted alias was live with its new content: publish it in the
                    # user's name, so history says who.
                    alias.specific_class.objects.get(pk=alias.pk).get_latest_revision().publish(
                        user=self.user
                    )

    def _locales_to_create(self, instance, convert_aliases):
        """(locale, live alias to convert or None) for each locale to create a translation in."""
        if not can_translate(self.user, instance):
            self.skipped.append(instance)
            return []
        locales = []
        for locale in self.target_locales:
            if locale.pk == instance.locale_id:
                continue
            existing = instance.get_translation_or_none(locale)
            if existing is None:
                locales.append((locale, None))
            elif not convert_aliases or getattr(existing, "alias_of_id", None) is None:
                continue
            elif not is_live_alias(existing):
                locales.append((locale, None))
            elif can_publish(self.user, existing):
                locales.append((locale, existing))
            else:
                self.skipped.append(instance)
        return locales


def translate_subtree(page_id, locales, components, user):
    """Like wagtail-localize's translate_page_subtree, with DraftTranslationCreator."""
    translator = DraftTranslationCreator(user, locales)

    def walk(page):
        for child in page.get_children():
            translator.create_translations(child)
            if child.numchild:
                walk(child)

    walk(Page.objects.get(pk=page_id))
    if components is not None:
        components.save(translator, sources_and_translations=translator.mappings)


def publish_translation(translation, user):
    """Apply `translation` to its target and publish it in `user`'s name.

    The caller checks that `user` may publish the target; the revision's publish checks it
    again and rolls everything back if not.
    """
    instance = translation.get_target_instance()
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(user=user, publish=True)
        return
    with transaction.atomic():
        translation.save_target(user=user, publish=False)
        target = type(instance).objects.get(pk=instance.pk)
        target.get_latest_revision().publish(user=user)


def save_translation_draft(translation, user):
    """Save the translation as a new revision of its target, leaving the live version alone.

    Raises ValidationError when the translated content is not valid.
    """
    source = translation.source
    target = source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    if isinstance(target, Page):
        target.slug = find_available_slug(
            target.get_parent(), slugify(target.slug), ignore_page_id=target.pk
        )
    return target.save_revision(user=user, log_action=True)


def submit_for_moderation(page, user):
    """Start the page's workflow on its latest revision, as Wagtail's "submit" does.

    Returns False when the page has no workflow.
    """
    workflow_state = page.current_workflow_state
    if workflow_state is not None:
        if workflow_state.status == workflow_state.STATUS_NEEDS_CHANGES:
            workflow_state.resume(user)
        return True
    workflow = page.get_workflow()
    if workflow is None:
        return False
    workflow.start(page, user)
    return True
