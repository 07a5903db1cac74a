"""The admin screens an editor, a moderator and an administrator use, and the text they show.

`render_screens()` signs in with Django's test client as a member of each role (users made
for the purpose, inside a transaction that is rolled back, so nothing it does is kept),
GETs each screen built from the content in the database (one page of each type, its
creation form, its history, the wagtail-localize translation editor of a translated page,
each snippet type, images, documents, choosers, search, account, reports) and yields what
a user sees on it: HTML text nodes, the attributes people read (title, aria-label,
placeholder, alt, a button's value) and the labels and help texts in the JSON that the
admin's JavaScript renders (StreamField and Draftail definitions, the sidebar, the
translation editor's props).
"""

import json
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django.utils.html import strip_tags
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site, Task, Workflow, get_page_models
from wagtail.snippets.models import get_snippet_models

ROLES = {
    "editor": "Biên tập viên",
    "moderator": "Kiểm duyệt viên",
    "administrator": "Quản trị viên",
}

VISIBLE_ATTRIBUTES = {
    "title",
    "aria-label",
    "placeholder",
    "alt",
    "aria-description",
    "data-w-tooltip-content-value",
}
BUTTON_TYPES = {"submit", "button", "reset"}
# JSON keys whose string values are shown as they are (labels, help, names of things).
VISIBLE_KEYS = {
    "label",
    "helpText",
    "help_text",
    "description",
    "displayName",
    "text",
    "placeholder",
    "title",
    "tooltip",
    "lastPublishedDate",
    "field",
    "subField",
    "fieldHelpText",
    "addText",
    "comment",
}
# JSON keys whose values are content, code or addresses, never interface text.
HIDDEN_KEYS = {"source", "value", "data", "url", "icon", "classname", "type", "_type", "name"}
# JSON keys holding HTML, as the choosers' responses do.
HTML_KEYS = {"html", "htmlFragment"}


@dataclass(frozen=True)
class Text:
    screen: str
    origin: str  # "text", an attribute name, or "json:<key>"
    text: str


class ScreenParser(HTMLParser):
    """Collects (origin, text) pairs a user sees, JSON attributes and JSON scripts included."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []
        self.hidden = 0
        self.json_script = False
        self.option_value = None
        # An element with the `hidden` attribute and only text in it holds a value that
        # JavaScript fills in before showing it (a counter): not text anyone reads.
        self.hidden_leaf = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.hidden += 1
            self.json_script = attrs.get("type") == "application/json"
            return
        if tag == "style":
            self.hidden += 1
            return
        self.option_value = attrs.get("value") if tag == "option" else None
        self.hidden_leaf = "hidden" in attrs
        for name, value in attrs.items():
            if not value:
                continue
            if name in VISIBLE_ATTRIBUTES:
                self.found.append((name, value))
            elif name == "value" and tag == "input" and attrs.get("type") in BUTTON_TYPES:
                self.found.append(("button", value))
            elif name.startswith("data-") and value[:1] in "[{":
                self.add_json(value)

    def handle_endtag(self, tag):
        self.hidden_leaf = False
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1
            self.json_script = False

    def handle_data(self, data):
        if self.json_script:
            self.add_json(data)
        elif self.option_value is not None and data.strip() == self.option_value:
            return  # an option showing its own value is a code (a time zone), not a phrase
        elif not self.hidden and not self.hidden_leaf:
            self.found.append(("text", data))

    def add_json(self, raw):
        try:
            value = json.loads(raw)
        except ValueError:
            return
        self.found.extend(json_texts(value))


def json_texts(value, key=None):
    """(origin, text) for the visible strings in a JSON value; telepath's lists included."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            if child_key in HTML_KEYS and isinstance(child, str):
                yield from screen_texts(child)
            elif child_key not in HIDDEN_KEYS:
                yield from json_texts(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from json_texts(child, key)
    elif isinstance(value, str) and key in VISIBLE_KEYS:
        yield f"json:{key}", value


def screen_texts(html):
    parser = ScreenParser()
    parser.feed(html)
    for origin, text in parser.found:
        text = " ".join(text.split())
        if text:
            yield origin, text


def response_texts(response):
    """(origin, text) of an HTML page, or of the HTML inside a chooser's JSON answer."""
    content = response.content.decode()
    if response["Content-Type"].startswith("application/json"):
        return list(json_texts(json.loads(content)))
    return list(screen_texts(content))


# The screens ------------------------------------------------------------------------------


def _url(name, *args, query=""):
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


def page_screens():
    """Explorer, edit, create, history and workflow history for a page of each type."""
    vietnamese_home = Page.objects.filter(depth=2, locale__language_code="vi").first()
    if vietnamese_home:
        yield "explorer", _url("wagtailadmin_explore", vietnamese_home.pk)
        yield "explorer (root)", _url("wagtailadmin_explore_root")
    for model in get_page_models():
        if model is Page:
            continue
        pages = model.objects.filter(content_type=ContentType.objects.get_for_model(model))
        page = pages.filter(locale__language_code="vi").order_by("path").first()
        if page is None:
            continue
        name = model._meta.model_name
        yield f"page edit ({name})", _url("wagtailadmin_pages:edit", page.pk)
        yield f"page history ({name})", _url("wagtailadmin_pages:history", page.pk)
        parent = page.get_parent()
        if parent.depth > 1:
            label = model._meta.app_label
            yield f"page create ({name})", _url("wagtailadmin_pages:add", label, name, parent.pk)
        yield (
            f"page workflow history ({name})",
            _url("wagtailadmin_pages:workflow_history", page.pk),
        )
        yield from translation_editor_screens(model, name)


def translation_editor_screens(model, name):
    """The wagtail-localize editor: the edit view of a page kept in sync with its source."""
    from wagtail_localize.models import Translation

    for translation in Translation.objects.filter(
        source__specific_content_type__model=name,
        source__specific_content_type__app_label=model._meta.app_label,
        enabled=True,
    ).select_related("source", "target_locale")[:1]:
        target = translation.get_target_instance()
        if isinstance(target, Page):
            yield f"translation editor ({name})", _url("wagtailadmin_pages:edit", target.pk)
        else:
            viewset = target.snippet_viewset
            yield f"translation editor ({name})", _url(viewset.get_url_name("edit"), target.pk)


def snippet_screens():
    from wagtail_localize.models import Translation

    for model in get_snippet_models():
        viewset = model.snippet_viewset
        name = model._meta.model_name
        yield f"snippet list ({name})", _url(viewset.get_url_name("list"))
        yield f"snippet create ({name})", _url(viewset.get_url_name("add"))
        instance = model.objects.order_by("pk").first()
        if instance is not None:
            yield f"snippet edit ({name})", _url(viewset.get_url_name("edit"), instance.pk)
            yield f"snippet history ({name})", _url(viewset.get_url_name("history"), instance.pk)
        if Translation.objects.filter(source__specific_content_type__model=name).exists():
            yield from translation_editor_screens(model, name)


def media_screens():
    for prefix, model, chooser in [
        ("wagtailimages", get_image_model(), "wagtailimages_chooser"),
        ("wagtaildocs", get_document_model(), "wagtaildocs_chooser"),
    ]:
        kind = "images" if prefix == "wagtailimages" else "documents"
        yield f"{kind} list", _url(f"{prefix}:index")
        yield f"{kind} upload", _url(f"{prefix}:add_multiple")
        yield f"{kind} chooser", _url(f"{chooser}:choose")
        yield f"{kind} chooser upload", _url(f"{chooser}:create")
        instance = model.objects.order_by("pk").first()
        if instance is not None:
            yield f"{kind} edit", _url(f"{prefix}:edit", instance.pk)


def other_screens():
    yield "dashboard", _url("wagtailadmin_home")
    yield "search", _url("wagtailadmin_pages:search", query="?q=thi")
    yield "account", _url("wagtailadmin_account")
    yield "page chooser", _url("wagtailadmin_choose_page")
    for report in ["locked_pages", "aging_pages", "site_history", "page_types_usage"]:
        yield f"report ({report})", _url(f"wagtailadmin_reports:{report}")
    yield "workflows", _url("wagtailadmin_workflows:index")
    yield "translations report", _url("wagtail_localize:translations_report")
    if apps.is_installed("wagtail.contrib.redirects"):
        yield "redirects", _url("wagtailredirects:index")
    yield "users", _url("wagtailusers_users:index")
    yield "collections", _url("wagtailadmin_collections:index")


def screens():
    """(name, url) of each screen, in order, without the ones whose URL does not exist."""
    seen = set()
    for source in (other_screens, page_screens, snippet_screens, media_screens):
        for name, url in source():
            if url and url not in seen:
                seen.add(url)
                yield name, url


def content_values():
    """What editors typed: titles, names, snippet fields, translated segments, file names."""
    from wagtail_localize.models import String, StringTranslation

    yield from Page.objects.values_list("title", flat=True)
    yield from Page.objects.values_list("draft_title", flat=True)
    for model in get_snippet_models():
        text_fields = [
            field.name
            for field in model._meta.get_fields()
            if isinstance(field, (models.CharField, models.TextField)) and not field.choices
        ]
        for instance in model.objects.all():
            yield str(instance)
            yield from (getattr(instance, name) for name in text_fields)
    for data in [*String.objects.values_list("data", flat=True)]:
        yield unescape(strip_tags(data))
    for data in StringTranslation.objects.values_list("data", flat=True):
        yield unescape(strip_tags(data))
    for model in (get_image_model(), get_document_model()):
        for title, file in model.objects.values_list("title", "file"):
            yield title
            yield file.rsplit("/", 1)[-1]
    for user in get_user_model().objects.all():
        yield from (user.get_username(), user.get_full_name(), user.first_name, user.last_name)
    yield from Group.objects.values_list("name", flat=True)
    yield from Collection.objects.values_list("name", flat=True)
    yield from Workflow.objects.values_list("name", flat=True)
    yield from Task.objects.values_list("name", flat=True)
    yield from Site.objects.values_list("site_name", flat=True)


# Rendering --------------------------------------------------------------------------------


class _Rollback(Exception):
    pass


def _role_client(role, group_name, host):
    user = get_user_model().objects.create_user(
        username=f"screen-coverage-{role}", email=f"screen-coverage-{role}@example.invalid"
    )
    user.groups.add(Group.objects.get(name=group_name))
    client = Client(HTTP_HOST=host)
    client.force_login(user)
    return client


def render_screens(host="localhost"):
    """(role, Text) for each text shown on each screen each role may open, and the content.

    A screen a role may not open (403, or a redirect) is skipped for that role; one that
    answers 5xx raises. Everything is rolled back at the end.
    """
    found = []
    content = []
    try:
        with transaction.atomic():
            clients = {role: _role_client(role, group, host) for role, group in ROLES.items()}
            for name, url in screens():
                for role, client in clients.items():
                    response = client.get(url)
                    if response.status_code >= 500:
                        raise RuntimeError(f"{url} answered {response.status_code} to the {role}")
                    if response.status_code != 200:
                        continue
                    for origin, text in response_texts(response):
                        found.append((role, Text(name, origin, text)))
            content = list(content_values())
            raise _Rollback
    except _Rollback:
        pass
    return found, content
