from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail import hooks
from wagtail.admin.auth import permission_required
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.users.views.bulk_actions.user_bulk_action import UserBulkAction

from .required_information import RequiredInformationPanel, RequiredInformationView
from .sign_in_pauses import LIFT_PERMISSION, LiftPauseView
from .translation_views import admin_urls as translation_admin_urls
from .translation_views import translation_editor_action
from .translations import can_publish
from .two_step import TwoStepView


@hooks.register("register_admin_urls")
def register_two_step_url():
    return [path("account/two-step/", TwoStepView.as_view(), name="editorial_two_step")]


@hooks.register("register_admin_urls")
def register_lift_pause_url():
    view = permission_required(LIFT_PERMISSION)(LiftPauseView.as_view())
    return [path("sign-in-pauses/", view, name="editorial_lift_pause")]


class LiftPauseMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(LIFT_PERMISSION)


@hooks.register("register_settings_menu_item")
def lift_pause_menu_item():
    return LiftPauseMenuItem(
        _("Sign-in pauses"), reverse("editorial_lift_pause"), icon_name="lock-open", order=650
    )


# The "Thông tin bắt buộc" panel (editorial.required_information): every admin user sees it.


@hooks.register("register_admin_urls")
def register_required_information_url():
    view = RequiredInformationView.as_view()
    return [path("required-information/", view, name="editorial_required_information")]


@hooks.register("register_admin_menu_item")
def required_information_menu_item():
    return MenuItem(
        pgettext_lazy("required information", "Required information"),
        reverse("editorial_required_information"),
        icon_name="clipboard-list",
        order=9000,
    )


@hooks.register("construct_homepage_panels")
def add_required_information_panel(request, panels):
    panels.append(RequiredInformationPanel(request))


@hooks.register("register_account_menu_item")
def two_step_menu_item(request):
    return {
        "url": reverse("editorial_two_step"),
        "label": _("Two-step sign-in"),
        "help_text": _("Ask for a code from an authenticator app at each sign-in."),
    }


# Wagtail lets anyone who may add or change users tick "Administrator" (is_superuser) and
# edit superusers' e-mail and password. The portal's administrators ("Quản trị viên")
# manage editorial accounts; only superusers may make, change or deactivate superusers.
# The user forms do not offer the box to others (editorial.users); a request that still
# sends it is refused here.


def refuse_superuser_changes(request, user=None):
    if request.user.is_superuser:
        return
    if (user is not None and user.is_superuser) or request.POST.get("is_superuser"):
        raise PermissionDenied


@hooks.register("before_create_user")
def guard_user_creation(request):
    refuse_superuser_changes(request)


@hooks.register("before_edit_user")
def guard_user_edit(request, user):
    refuse_superuser_changes(request, user)


@hooks.register("before_bulk_action")
def guard_user_bulk_actions(request, action_type, objects, action_class_instance):
    if (
        isinstance(action_class_instance, UserBulkAction)
        and action_class_instance.model is get_user_model()
        and not request.user.is_superuser
        and any(user.is_superuser for user in objects)
    ):
        raise PermissionDenied


# Translations go through the same permissions and moderation as any other change
# (editorial.translations). Order -1: these routes and hooks come before wagtail-localize's.


@hooks.register("register_admin_urls", order=-1)
def register_translation_urls():
    return translation_admin_urls()


@hooks.register("before_edit_page", order=-1)
def moderate_page_translation_editor(request, page):
    return translation_editor_action(request, page)


@hooks.register("before_edit_snippet", order=-1)
def moderate_snippet_translation_editor(request, instance):
    return translation_editor_action(request, instance)


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_from_non_publishers(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and not can_publish(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "localize-convert-to-alias"]


@hooks.register("insert_editor_js")
def translation_editor_strings():
    """Translates the strings wagtail-localize's editor leaves in English (see the script)."""
    return format_html(
        '<script src="{}"></script>', versioned_static("editorial/js/localize_editor.js")
    )
