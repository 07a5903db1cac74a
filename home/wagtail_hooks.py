from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.staticfiles import versioned_static


@hooks.register("insert_editor_js")
def translation_editor_strings():
    """Translates the strings wagtail-localize's editor leaves in English (see the script)."""
    return format_html('<script src="{}"></script>', versioned_static("home/js/localize_editor.js"))
