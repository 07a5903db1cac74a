"""An editor's browser against the embedded SQLite database, run by test_sqlite_editing.py
in a process of its own (the file database, the threaded server and the settings of
`make run`, never the test database).

Usage: python tests/portal/sqlite_editing_day.py ROUNDS. Prints one JSON line:
{"statuses": {"autosave": [...], ...}, "errors": [...]}.
"""

import json
import os
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT / "site"), str(ROOT)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def setup():
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from articles.models import NewsArticlePage
    from demo.content import DemoContent

    DemoContent().load()
    editor = User.objects.filter(username="bientapvien").first() or User.objects.create_user(
        "bientapvien", password="mat-khau-dai-2024"
    )
    editor.groups.add(Group.objects.get(name="Biên tập viên"))
    return editor, NewsArticlePage.objects.live().exact_type(NewsArticlePage).first()


def serve():
    """The development server's threaded WSGI server (`runserver`), on a free port."""
    from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
    from django.core.wsgi import get_wsgi_application

    class QuietHandler(WSGIRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadedWSGIServer(("127.0.0.1", 0), QuietHandler)
    server.set_app(get_wsgi_application())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    """A browser's view of the answer itself: a save is a 302, not the page it leads to."""

    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One signed-in editor: a cookie jar shared by the tabs' requests."""

    def __init__(self, base):
        self.base = base
        self.cookies = CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )

    def request(self, path, data=None, headers=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers=headers or {})
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode(errors="replace")

    def csrf(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")


def edit_data(page, csrf, n):
    from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

    return nested_form_data(
        {
            "csrfmiddlewaretoken": csrf,
            "title": f"{page.title} ({n})",
            "slug": page.slug,
            "lead": f"Tóm tắt, lần sửa {n}",
            "hero_caption": "",
            "author": "Chiêu Minh",
            "date": "2024-01-26 08:00:00",
            "tags": "",
            "body": streamfield([("paragraph", rich_text(f"<p>Đoạn văn, lần sửa {n}.</p>"))]),
            "related_agencies-TOTAL_FORMS": "0",
            "related_agencies-INITIAL_FORMS": "0",
            "related_people-TOTAL_FORMS": "0",
            "related_people-INITIAL_FORMS": "0",
        }
    )


def main(rounds):
    editor, page = setup()
    base = serve()
    browser = Browser(base)
    status, _ = browser.request("/admin/login/")
    status, _ = browser.request(
        "/admin/login/",
        {
            "csrfmiddlewaretoken": browser.csrf(),
            "username": "bientapvien",
            "password": "mat-khau-dai-2024",
        },
    )
    edit = f"/admin/pages/{page.pk}/edit/"
    status, _ = browser.request(edit)
    assert status == 200, status
    csrf = browser.csrf()
    results = {"autosave": [], "save": [], "submit": [], "preview": []}
    # (An autosave racing a save may be refused as out of date: a 400, as in a browser.)
    errors = []
    lock = threading.Lock()

    def act(kind, n):
        data = edit_data(page, csrf, n)
        headers = {"X-CSRFToken": csrf}
        path = edit
        if kind == "autosave":
            headers["Accept"] = "application/json"
        elif kind == "submit":
            data["action-submit"] = "1"
        elif kind == "preview":
            path = f"/admin/pages/{page.pk}/edit/preview/"
        status, body = browser.request(path, data, headers)
        with lock:
            results[kind].append(status)
            if status >= 500:
                errors.append(f"{kind}: {status} {'database is locked' in body}")

    # Each round, what one editor's browser sends at once: two autosaves, a click on "Lưu
    # bản nháp" and a preview refresh; in the last round, also "Gửi kiểm duyệt".
    for n in range(rounds):
        kinds = ["autosave", "save", "preview", "autosave"]
        if n == rounds - 1:
            kinds.append("submit")
        threads = [threading.Thread(target=act, args=(kind, n)) for kind in kinds]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    print(json.dumps({"statuses": results, "errors": errors}))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
