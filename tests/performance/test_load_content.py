"""generate_load_content: bulk-created pages that Wagtail serves, indexes and can edit."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, ReferenceIndex

from articles.models import EventReportPage, NewsArticlePage
from snippets.models import Agency


def generate(**options):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "generate_load_content",
        agencies=6,
        blocs=2,
        images=3,
        stdout=stdout,
        stderr=stderr,
        **options,
    )
    return stdout.getvalue(), stderr.getvalue()


@pytest.mark.django_db
def test_generated_articles_are_whole_pages(client, demo_content, django_user_model):
    before = NewsArticlePage.objects.count()
    last_pk = Page.objects.order_by("-pk").first().pk
    stdout, stderr = generate(articles=10, batch_size=4)

    new = NewsArticlePage.objects.filter(pk__gt=last_pk)
    assert NewsArticlePage.objects.count() == before + 10
    assert EventReportPage.objects.filter(pk__in=new.values("pk")).count() == 3
    assert "articles [" in stderr and "10/10" in stderr
    assert "Added 10 articles" in stdout
    # The tree is sound: paths, depths and child counts agree (treebeard's own check).
    assert all(not problems for problems in Page.find_problems())

    article = new.order_by("-pk").first()
    assert article.title[0].isupper() and article.lead and article.hero_image_id is not None
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    # Indexed for search and for Wagtail's usage counts (what purging relies on).
    assert NewsArticlePage.objects.live().search(article.title.split()[-1]).count() > 0
    assert ReferenceIndex.get_references_for_object(article).exists()
    report = EventReportPage.objects.filter(pk__in=new.values("pk")).first()
    assert client.get(report.url).status_code == 200
    assert Agency.objects.filter(slug="so-tai-chinh").exists()
    # Their image blocks read like the editor's: the API lists both kinds together.
    listing = client.get("/api/v2/pages/?type=articles.NewsArticlePage&fields=*&limit=50")
    assert listing.status_code == 200
    bodies = [item["body"] for item in listing.json()["items"]]
    assert any(block["type"] == "image" for body in bodies for block in body)
    # Editors can open them in the admin like any page.
    editor = django_user_model.objects.create_superuser("bientap", "b@example.vn", "mật khẩu")
    client.force_login(editor)
    assert client.get(f"/admin/pages/{report.pk}/edit/").status_code == 200


@pytest.mark.django_db
def test_running_again_adds_more(demo_content):
    generate(articles=2, skip_index=True)
    count = NewsArticlePage.objects.count()
    stdout, _stderr = generate(articles=2, skip_index=True)
    assert NewsArticlePage.objects.count() == count + 2
    assert "update_index" in stdout
    assert all(not problems for problems in Page.find_problems())


@pytest.mark.django_db
@pytest.mark.parametrize(
    "options", [{"articles": 0}, {"articles": 5, "event_share": 2}, {"articles": 5, "blocs": 99}]
)
def test_bad_options(options):
    with pytest.raises(CommandError):
        call_command("generate_load_content", stdout=io.StringIO(), **options)
