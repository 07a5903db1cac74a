"""The workflow's notification e-mails link to the public origin, and the links work."""

import re

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from articles.models import ArticleIndexPage
from tests.editorial.test_workflow import event_report_data

ORIGIN = "http://127.0.0.1:8765"


@override_settings(WAGTAILADMIN_BASE_URL=ORIGIN)
def test_moderator_follows_the_submission_email(client, demo_content, editor, moderator):
    news = ArticleIndexPage.objects.get(slug="tin-tuc-su-kien")
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:add", args=("articles", "eventreportpage", news.pk))
    assert client.post(url, event_report_data("theo-duong-dan")).status_code == 302
    (message,) = [m for m in mail.outbox if moderator.email in m.to]
    links = set(re.findall(r"https?://[^\s\"'<>]+", message.body))
    assert links and all(link.startswith(ORIGIN + "/admin/") for link in links), links
    client.force_login(moderator)
    for link in links:
        assert client.get(link.removeprefix(ORIGIN)).status_code == 200, link
