"""Uploaded files on S3-compatible object storage, against a real server: SeaweedFS on
loopback, and two portal nodes under gunicorn with their own (empty) media folders, sharing
the database, Redis and the bucket (MEDIA_S3_BUCKET).

One scenario in a row, with one set of servers: each step starts from what the last left.
"""

import io
import re
import tarfile
import threading
import time
from pathlib import Path

import pytest
import requests
from PIL import Image

from core.management.commands.prepare_media_bucket import PUBLIC_PREFIXES
from core.renditions import all_specs
from tests import object_store, servers

pytestmark = pytest.mark.skipif(
    bool(servers.unavailable() or object_store.unavailable()),
    reason=str(servers.unavailable() or object_store.unavailable()),
)

BUCKET = "portal-media"
PASSWORD = "mat-khau-dai-2024"
SEED = f"""
from django.contrib.auth.models import Group, User
editor = User.objects.create_user("bien-tap", password={PASSWORD!r})
editor.groups.add(Group.objects.get(name="Biên tập viên"))
"""
PAGE = """
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from home.models import HomePage
from home.pages import ContentPage
image, document = get_image_model().objects.get(), get_document_model().objects.get()
home = Page.get_first_root_node().add_child(instance=HomePage(title="Trang chủ", slug="trang-chu"))
home.save_revision().publish()
Site.objects.update(root_page=home)
body = f'<p><a linktype="document" id="{document.pk}">Tài liệu</a></p>'
home.add_child(instance=ContentPage(title="Tệp", slug="tep", body=body)).save_revision().publish()
from snippets.banners import Banner
banner = Banner(title="Biểu ngữ", image=image, alt_text="Ảnh thử", placement="header")
banner.save()
banner.save_revision().publish()
print(image.pk, document.pk)
"""
PRIVATE = """
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
private = Collection.get_first_root_node().add_child(name="Nội bộ")
CollectionViewRestriction.objects.create(
    collection=private, restriction_type=CollectionViewRestriction.LOGIN
)
get_document_model().objects.update(collection=private)
"""


@pytest.fixture(scope="module")
def stack():
    folder = Path(servers.temporary_folder("portal-storage-"))
    store = object_store.ObjectStore(folder).start()
    nodes = []
    try:
        environment = {
            "DATABASE_URL": f"sqlite:///{folder / 'portal.sqlite3'}",
            "REDIS_URL": "redis://127.0.0.1:6379/15",
            "CACHE_KEY_PREFIX": f"storage-test-{time.time_ns()}",
            **store.environment(BUCKET),
        }
        for name in ("node-a", "node-b"):
            nodes.append(servers.Portal({**environment, "DJANGO_MEDIA_ROOT": str(folder / name)}))
        nodes[0].manage("migrate", "--noinput", "-v0")
        prepare_the_bucket(nodes[0], store)
        nodes[0].manage("shell", "-c", SEED)
        for node in nodes:
            node.start()
        yield store, nodes, folder
    finally:
        for node in nodes:
            node.stop()
        store.stop()


def prepare_the_bucket(node, store):
    """`prepare_media_bucket` on a store that answers (`ObjectStore.start` waits for it)."""
    status, output = node.manage("prepare_media_bucket", check=False)
    assert status == 0, f"{output}\nSeaweedFS's log ends:\n{store.log_tail()}"
    return output


def png(width=400, height=300):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 40)).save(buffer, "PNG")
    return buffer.getvalue()


def upload(session, node, kind, title, filename, content):
    """An editor's upload through the admin's form (images/ or documents/)."""
    form_url = node.url(f"/admin/{kind}/add/")
    assert session.get(form_url, timeout=30).status_code == 200
    answer = session.post(
        form_url,
        data={
            "title": title,
            "description": f"{title}: một hình chữ nhật màu đỏ",
            "collection": "1",
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
        },
        files={"file": (filename, content)},
        headers={"Referer": form_url},
        allow_redirects=False,
        timeout=60,
    )
    errors = re.findall(r'class="error-message"[^>]*>(.*?)<', answer.text, re.S)
    assert answer.status_code == 302, errors or answer.text[-3000:]


def api(node, path):
    answer = requests.get(node.url(path), timeout=60)
    assert answer.status_code == 200, answer.text[:2000]
    return answer.json()


def test_uploads_renditions_documents_and_backups_on_a_real_object_store(stack):
    store, (node_a, node_b), folder = stack
    editor = servers.signed_in(node_a, "bien-tap", PASSWORD)

    # An editor uploads an image and a document on node A: the original and every rendition
    # the site uses are drawn once, into the bucket; nothing is written to the node's disk.
    upload(editor, node_a, "images", "Ảnh thử", "anh-thu.png", png())
    content = b"%PDF-1.4\n% tai lieu thu\n"
    upload(editor, node_a, "documents", "Tài liệu thử", "tai-lieu.pdf", content)
    assert len(store.keys(BUCKET, "original_images/")) == 1
    renditions = store.keys(BUCKET, "images/")
    assert len(renditions) == len(all_specs())
    (key,) = store.keys(BUCKET, "documents/")
    assert not [path for path in (folder / "node-a").rglob("*") if path.is_file()]
    image_id, document_id = node_a.manage("shell", "--no-imports", "-c", PAGE).split()

    # Node B serves the page that shows them from the bucket: links go to the bucket's
    # public URL, anyone may read them, and node B draws nothing again.
    page = requests.get(node_b.url("/tep/"), timeout=30)
    assert page.status_code == 200 and store.url(f"/{BUCKET}/images/") in page.text
    detail = api(node_b, f"/api/v2/images/{image_id}/?fields=renditions")
    url = detail["renditions"]["large"]["url"]
    assert url.startswith(store.url(f"/{BUCKET}/images/"))
    picture = requests.get(url, timeout=30)
    assert picture.status_code == 200 and picture.headers["Content-Type"].startswith("image/")
    assert store.keys(BUCKET, "images/") == renditions

    # A size no page uses, asked of both nodes at once: one rendition, the same link.
    spec = "fill-400x300"
    path = f"/api/v2/images/{image_id}/?fields=renditions&renditions={spec}"
    answers = []
    threads = [
        threading.Thread(target=lambda node=node: answers.append(api(node, path)))
        for node in (node_a, node_b)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({answer["renditions"][spec]["url"] for answer in answers}) == 1
    count = node_a.manage(
        "shell",
        "--no-imports",
        "-c",
        "from wagtail.images.models import Rendition; "
        f"print(Rendition.objects.filter(filter_spec={spec!r}).count())",
    )
    assert count.split() == ["1"]

    # The document is in the bucket, but never readable there; the portal serves it, on
    # either node, after its privacy checks, and never hands out the bucket's URL.
    assert requests.get(store.url(f"/{BUCKET}/{key}"), timeout=30).status_code == 403
    assert requests.get(store.url(f"/{BUCKET}/"), timeout=30).status_code == 403
    served = f"/documents/{document_id}/{Path(key).name}"
    answer = requests.get(node_b.url(served), timeout=30)
    assert answer.status_code == 200 and answer.content == content
    assert f"/{BUCKET}/documents/" not in api(node_b, f"/api/v2/documents/{document_id}/")

    # Moved to a collection for signed-in users: anonymous readers are sent to sign in, the
    # editor (signed in on node A) gets it from node B; the bucket still refuses everyone.
    node_a.manage("shell", "-c", PRIVATE)
    answer = requests.get(node_b.url(served), allow_redirects=False, timeout=30)
    assert answer.status_code == 302 and content not in answer.content
    assert editor.get(node_b.url(served), timeout=30).content == content
    assert requests.get(store.url(f"/{BUCKET}/{key}"), timeout=30).status_code == 403

    # Pages allow images from the bucket (Content-Security-Policy).
    assert store.url("") in page.headers["Content-Security-Policy"]

    # A backup holds the bucket's files; a restore puts back what was lost from it.
    output = node_a.manage("backup", "--output", str(folder / "backups"))
    backup = output.split()[-1]
    with tarfile.open(Path(backup) / "media.tar.gz") as archive:
        archived = sorted(archive.getnames())
    assert archived == store.keys(BUCKET)
    store.client().delete_object(Bucket=BUCKET, Key=key)
    assert editor.get(node_b.url(served), timeout=30).status_code == 404
    node_a.manage("restore", "--noinput", backup)
    assert store.keys(BUCKET) == archived
    assert editor.get(node_b.url(served), timeout=30).content == content
    assert requests.get(url, timeout=30).status_code == 200


def test_the_bucket_lets_anyone_read_images_and_nothing_else(stack):
    store, (node_a, _node_b), _folder = stack
    client = store.client()
    for key in (
        "documents/x.pdf",
        "other/x.txt",
        *(f"{prefix}x.txt" for prefix in PUBLIC_PREFIXES),
    ):
        client.put_object(Bucket=BUCKET, Key=key, Body=b"x")
    readable = {
        key: requests.get(store.url(f"/{BUCKET}/{key}"), timeout=30).status_code == 200
        for key in ("documents/x.pdf", "other/x.txt", "original_images/x.txt", "images/x.txt")
    }
    assert readable == {
        "documents/x.pdf": False,
        "other/x.txt": False,
        "original_images/x.txt": True,
        "images/x.txt": True,
    }
    # Run again, it changes nothing and says so.
    assert "exists" in prepare_the_bucket(node_a, store)
