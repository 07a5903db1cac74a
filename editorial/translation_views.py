"""wagtail-localize's screens that publish, with the rules of editorial.translations.

They are subclasses of wagtail-localize's own views, served on its URLs (the routes are
registered ahead of its own in editorial.wagtail_hooks): its models and templates stay as
they are, and upgrading it means re-reading four short methods rather than a patch.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import Translation
from wagtail_localize.tasks import background
from wagtail_localize.views import convert, submit_translations, update_translations
from wagtail_localize.views.edit_translation import apply_machine_translation

from .translations import (
    DraftTranslationCreator,
    can_edit,
    can_publish,
    can_translate,
    is_live_alias,
    publish_translation,
    save_translation_draft,
    submit_for_moderation,
    translate_subtree,
)


class DraftSubmitMixin:
    """Translate: new translations are drafts, and parents are translated, not aliased."""

    def get_object(self):
        instance = super().get_object()
        if not can_translate(self.request.user, instance):
            raise PermissionDenied
        return instance

    def get_form(self):
        # One form per request, so that errors added in post() reach the template.
        if not hasattr(self, "_form"):
            self._form = super().get_form()
        return self._form

    def post(self, request, **kwargs):
        form = self.get_form()
        if form.is_valid() and self.components.is_valid():
            self.refuse_live_aliases(form)
            if form.is_valid():
                return self.form_valid(form)
        return self.render_to_response(self.get_context_data(**kwargs))

    def refuse_live_aliases(self, form):
        """Turning a live alias into a translation changes a live page: publishers only."""
        for locale in form.cleaned_data["locales"]:
            existing = self.object.get_translation_or_none(locale)
            if is_live_alias(existing) and not can_publish(self.request.user, existing):
                form.add_error(
                    "locales",
                    _(
                        "The %(locale)s version is a published alias of this page: only a "
                        "user who may publish it can turn it into a translation."
                    )
                    % {"locale": locale.get_display_name()},
                )

    def untranslated_ancestors(self, locales):
        """Parents with no page in one of `locales`, top down (wagtail-localize aliases them)."""
        if not isinstance(self.object, Page):
            return []
        ancestors = self.object.get_ancestors().filter(depth__gt=1).specific()
        missing = [a for a in ancestors if any(not a.has_translation(loc) for loc in locales)]
        if any(not can_translate(self.request.user, ancestor) for ancestor in missing):
            raise PermissionDenied
        return missing

    @transaction.atomic
    def form_valid(self, form):
        locales = form.cleaned_data["locales"]
        user = self.request.user
        translator = DraftTranslationCreator(user, locales)
        for ancestor in self.untranslated_ancestors(locales):
            translator.create_translations(ancestor, convert_aliases=False)
        translator.create_translations(self.object)
        self.components.save(translator, sources_and_translations=translator.mappings)
        if isinstance(self.object, Page) and form.cleaned_data["include_subtree"]:
            background.enqueue(
                translate_subtree, [self.object.id, locales, self.components, user], {}
            )

        single_translated_object = None
        if len(locales) == 1:
            names = locales[0].get_display_name()
            single_translated_object = self.object.get_translation_or_none(locales[0])
        else:
            names = _("{} locales").format(len(locales))
        messages.success(self.request, self.get_success_message(names))
        if translator.skipped:
            messages.warning(
                self.request,
                _("Not translated, you may not create them: %(names)s")
                % {"names": ", ".join(str(obj) for obj in translator.skipped)},
            )
        return redirect(
            self.get_success_url() or self.get_default_success_url(single_translated_object)
        )


class SubmitPageTranslationView(DraftSubmitMixin, submit_translations.SubmitPageTranslationView):
    pass


class SubmitSnippetTranslationView(
    DraftSubmitMixin, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync translations: published only where the user may publish, else saved as drafts."""

    def get_object(self):
        source = super().get_object()
        try:
            instance = source.get_source_instance()
        except ObjectDoesNotExist as error:
            raise Http404 from error
        if not can_edit(self.request.user, instance):
            raise PermissionDenied
        return source

    def targets(self):
        translations = self.object.translations.filter(enabled=True)
        return [
            (translation, translation.get_target_instance())
            for translation in translations.select_related("target_locale")
        ]

    def get_form(self):
        form = super().get_form()
        publishable = [can_publish(self.request.user, target) for _t, target in self.targets()]
        field = form.fields["publish_translations"]
        if not any(publishable):
            field.label = gettext_lazy("Save as drafts")
            field.help_text = gettext_lazy(
                "You may not publish these translations: the updates are saved as drafts, "
                "which you submit for approval from each translation."
            )
        elif not all(publishable):
            field.help_text = gettext_lazy(
                "Translations you may not publish are saved as drafts instead."
            )
        return form

    @transaction.atomic
    def form_valid(self, form):
        user = self.request.user
        publish = form.cleaned_data["publish_translations"]
        self.object.update_from_db()
        targets = self.targets()
        if form.cleaned_data.get("use_machine_translation"):
            # wagtail-localize's own step: it changes strings only, for those who may edit.
            machine_translator = get_machine_translator()
            for translation, _target in targets:
                apply_machine_translation(translation.id, user, machine_translator)
        drafts = []
        for translation, target in targets:
            if can_publish(user, target):
                if publish:
                    try:
                        publish_translation(translation, user)
                    except ValidationError as error:
                        messages.error(self.request, invalid_message(target, error))
                else:
                    # Privacy of a live page follows the source: Wagtail lets publishers
                    # only change privacy.
                    translation.source.update_target_view_restrictions(translation.target_locale)
            elif publish and can_edit(user, target):
                try:
                    save_translation_draft(translation, user)
                except ValidationError as error:
                    messages.error(self.request, invalid_message(target, error))
                else:
                    drafts.append(target)
        self.components.save(
            self.object,
            sources_and_translations={self.object: [t for t, _target in targets]},
        )
        messages.success(self.request, self.get_success_message())
        if drafts:
            messages.warning(
                self.request,
                _("Saved as drafts, not published: %(titles)s")
                % {"titles": ", ".join(str(target) for target in drafts)},
            )
        return redirect(self.get_success_url() or self.get_default_success_url())


def convert_to_alias(request, page_id):
    """An alias shows its source's live version: converting to one publishes (Wagtail's copy
    view, likewise, lets only publishers create aliases)."""
    page = get_object_or_404(Page, id=page_id, alias_of_id__isnull=True)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def invalid_message(instance, error):
    return _("The translation of '%(title)s' could not be saved: %(errors)s") % {
        "title": instance,
        "errors": " ".join(error.messages),
    }


def translation_editor_action(request, instance):
    """The translation editor's buttons, before wagtail-localize's own before_edit hooks.

    "Publish" publishes in the user's name (wagtail-localize publishes after the request,
    without one) and only for publishers. "Submit" (offered to those who may not publish,
    see the edit_translation.html template) saves a draft and starts the page's workflow.
    """
    action = request.POST.get("action") if request.method == "POST" else None
    if action not in ("publish", "submit"):
        return None
    if getattr(instance, "alias_of_id", None) is not None:
        return None
    translation = Translation.objects.filter(
        source__object_id=instance.translation_key,
        target_locale_id=instance.locale_id,
        enabled=True,
    ).first()
    if translation is None:
        return None
    lock = instance.get_lock() if isinstance(instance, Page) else None
    if lock is not None and lock.for_user(request.user):
        messages.error(request, _("The page is locked: the translation was not saved."))
        return redirect(request.path)
    if action == "publish":
        if not can_publish(request.user, instance):
            raise PermissionDenied
        return publish_from_editor(request, translation, instance)
    if not isinstance(instance, Page) or not can_edit(request.user, instance):
        raise PermissionDenied
    return submit_from_editor(request, translation, instance)


def publish_from_editor(request, translation, instance):
    """wagtail-localize's publish action, with the user named and no deferred publish."""
    locale = translation.target_locale.get_display_name()
    try:
        publish_translation(translation, request.user)
    except ValidationError:
        messages.error(
            request,
            _(
                "New validation errors were found when publishing '{object}' in {locale}. "
                "Please fix them or click publish again to ignore these translations for now."
            ).format(object=str(instance), locale=locale),
        )
        return redirect(request.path)
    instance.refresh_from_db()
    missing = (
        translation.source.stringsegment_set.annotate_translation(translation.target_locale)
        .filter(translation__isnull=True)
        .exists()
    )
    if missing:
        message = _("Published '{object}' in {locale} with missing translations - see below.")
        messages.warning(request, message.format(object=str(instance), locale=locale))
    else:
        message = _("Published '{object}' in {locale}.")
        messages.success(request, message.format(object=str(instance), locale=locale))
    return redirect(request.path)


def submit_from_editor(request, translation, page):
    try:
        save_translation_draft(translation, request.user)
    except ValidationError as error:
        messages.error(request, invalid_message(page, error))
        return redirect(request.path)
    page = Page.objects.get(pk=page.pk).specific
    if submit_for_moderation(page, request.user):
        message = _("The translation '%(title)s' was saved as a draft and submitted for approval.")
    else:
        message = _("The translation '%(title)s' was saved as a draft.")
    messages.success(request, message % {"title": page.get_admin_display_title()})
    return redirect(request.path)


def admin_urls():
    """wagtail-localize's routes that can publish, served by the views above."""
    return [
        path(
            "localize/submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="editorial_submit_page_translation",
        ),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
            name="editorial_submit_snippet_translation",
        ),
        path(
            "localize/update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "localize/page/<int:page_id>/convert_to_alias/",
            convert_to_alias,
            name="editorial_convert_to_alias",
        ),
    ]
