"""Who did what shows in the admin history of every page and snippet."""

from django.urls import reverse

from blocs.models import BlocYear
from snippets.models import Agency, Award, Banner, Person


def test_snippet_history_names_who_unpublished_it(client, demo_content, administrator):
    client.force_login(administrator)
    for model in (Agency, Person, Award, Banner, BlocYear):
        obj = model.objects.live().first()
        viewset = model.snippet_viewset
        response = client.post(reverse(viewset.get_url_name("unpublish"), args=[obj.pk]))
        assert response.status_code == 302, model
        obj.refresh_from_db()
        assert not obj.live

        history = client.get(reverse(viewset.get_url_name("history"), args=[obj.pk]))
        assert history.status_code == 200
        html = history.content.decode()
        assert "quantrivien" in html, model
        assert "Đã hủy xuất bản" in html, model


def test_snippet_edits_record_their_author(client, demo_content, administrator):
    agency = Agency.objects.get(slug="so-khcn")
    client.force_login(administrator)
    url = reverse("wagtailsnippets_snippets_agency:edit", args=[agency.pk])
    data = {
        "name": agency.name,
        "short_name": agency.short_name,
        "abbreviation": agency.abbreviation,
        "kind": agency.kind,
        "parent": "",
        "slug": agency.slug,
        "logo": "",
        "website": agency.website,
        "address": "Số 1 Đinh Tiên Hoàng",
        "phone": agency.phone,
        "email": agency.email,
        "action-publish": "action-publish",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    history = client.get(reverse("wagtailsnippets_snippets_agency:history", args=[agency.pk]))
    html = history.content.decode()
    assert "quantrivien" in html and "Đã xuất bản" in html
