"""`/api/v2/legal-documents/` as an anonymous client sees it: only visible documents, their
filters, bad input refused with 400, conditional requests, constant query counts, and the
answers matching the OpenAPI document."""

from datetime import date, timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from schemathesis.specs.openapi.checks import response_schema_conformance
from wagtail.models import PageViewRestriction

from legal_documents.models import (
    AttachmentText,
    CommentStatus,
    ConsultationComment,
    ExtractionOutcome,
)
from legal_documents.status import RelationKind
from snippets.models import Agency, Person
from tests.api.conftest import wsgi_app  # noqa: F401 (fixture)

pytestmark = pytest.mark.django_db

URL = "/api/v2/legal-documents/"
SECRET_EMAIL = "nguoi.gop.y@example.vn"


def listing(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return response.json()


def ids(client, **params):
    return {item["id"] for item in listing(client, **params)["items"]}


@pytest.fixture
def english_agency(city_committee, locale_en):
    english = city_committee.copy_for_translation(locale_en)
    english.name = "City People's Committee"
    english.slug = "city-committee"
    english.save()
    return english


def test_listing_serves_visible_documents_with_their_fields(
    client, legal_document_factory, attachment_factory, signer, education_area
):
    pdf = attachment_factory("quyet-dinh.pdf", b"%PDF-1.4 text")
    AttachmentText.objects.create(
        document=pdf, file_name=pdf.file.name, outcome=ExtractionOutcome.EXTRACTED, text="x"
    )
    old = legal_document_factory(number="1/2020/QĐ-UBND", issue_date=date(2020, 1, 1))
    new = legal_document_factory(
        signer=signer,
        signer_title="Phó Chủ tịch",
        subject_area=education_area,
        attachments=[pdf],
        relations=[(RelationKind.REPLACES, old)],
        full_text="<p>Điều 1</p>",
    )
    data = listing(client)
    assert data["meta"]["total_count"] == 2
    item = data["items"][0]
    assert item["id"] == new.pk
    assert item["meta"]["detail_url"].endswith(f"{URL}{new.pk}/")
    assert item["meta"]["html_url"].startswith("http://")
    assert item["meta"]["locale"] == "vi"
    assert item["document_type"] == {
        "id": new.document_type_id,
        "name": "Quyết định",
        "slug": "quyet-dinh",
        "is_legislation": True,
    }
    assert item["issuer"]["name"] == "Ủy ban nhân dân Thành phố"
    assert item["signer"]["slug"] == "nguyen-van-an"
    assert item["subject_area"]["slug"] == "giao-duc"
    assert item["status"] == "in_force"
    assert "full_text" not in item
    [attachment] = item["attachments"]
    assert attachment["url"].startswith("http://") and attachment["url"].endswith(".pdf")
    assert attachment["file_type"] == "pdf"
    assert attachment["text_extraction"] == "extracted"
    [relation] = item["relations"]
    assert relation["direction"] == "outgoing" and relation["kind"] == "replaces"
    assert relation["id"] == old.pk and relation["number"] == "1/2020/QĐ-UBND"
    assert relation["detail_url"].endswith(f"{URL}{old.pk}/")
    older = data["items"][1]
    assert older["status"] == "expired"
    assert older["relations"][0]["direction"] == "incoming"
    assert (
        older["relations"][0]["wording"] == "Được thay thế bởi" or older["relations"][0]["wording"]
    )
    detail = client.get(f"{URL}{new.pk}/").json()
    assert detail["full_text"] == "<p>Điều 1</p>"
    assert "full_text" in listing(client, fields="*")["items"][0]


def test_hidden_documents_are_absent_everywhere(client, legal_document_factory, legal_index, home):
    shown = legal_document_factory()
    draft = legal_document_factory(publish_it=False)
    unpublished = legal_document_factory()
    unpublished.unpublish()
    private = legal_document_factory(relations=[(RelationKind.AMENDS, shown)])
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="bí mật"
    )
    shown_relations = legal_document_factory(
        relations=[(RelationKind.AMENDS, draft), (RelationKind.AMENDS, private)]
    )
    data = listing(client)
    assert {item["id"] for item in data["items"]} == {shown.pk, shown_relations.pk}
    assert data["meta"]["total_count"] == 2
    for hidden in (draft, unpublished, private):
        assert client.get(f"{URL}{hidden.pk}/").status_code == 404
        assert client.get(f"{URL}find/", {"id": hidden.pk}).status_code == 404
    detail = client.get(f"{URL}{shown_relations.pk}/").json()
    assert detail["relations"] == []
    assert client.get(f"{URL}{shown.pk}/").json()["relations"] == []


def test_locale_and_translations(client, legal_document_factory, locale_en):
    from tests.api.conftest import publish

    document = legal_document_factory()
    english = document.copy_for_translation(locale_en, copy_parents=True)
    english.title = "Decision No. 1/2024/QĐ-UBND"
    english.slug = "decision-1-2024"
    english.save()
    for ancestor in english.get_ancestors().filter(depth__gt=1, live=False):
        publish(ancestor.specific)
    publish(english)
    assert ids(client, locale="en") == {english.pk}
    assert ids(client, locale="vi") == {document.pk}
    [item] = listing(client, locale="vi")["items"]
    [translation] = item["meta"]["translations"]
    assert translation["locale"] == "en" and translation["id"] == english.pk
    assert translation["detail_url"].endswith(f"{URL}{english.pk}/")
    english.unpublish()
    assert listing(client, locale="vi")["items"][0]["meta"]["translations"] == []


def test_unpublished_agency_and_signer_are_not_exposed(
    client, legal_document_factory, city_committee, signer
):
    document = legal_document_factory(signer=signer)
    Agency.objects.filter(pk=city_committee.pk).update(live=False)
    Person.objects.filter(pk=signer.pk).update(live=False)
    item = client.get(f"{URL}{document.pk}/").json()
    assert item["issuer"] is None and item["signer"] is None
    assert "Ủy ban" not in client.get(URL).content.decode()
    assert client.get(URL, {"issuer": city_committee.slug}).status_code == 400
    assert client.get(URL, {"signer": signer.pk}).status_code == 400


def test_comments_are_counted_never_shown(client, legal_document_factory):
    now = timezone.now()
    draft = legal_document_factory(
        is_draft=True,
        number="",
        issue_date=None,
        comments_open_at=now - timedelta(days=1),
        comments_close_at=now + timedelta(days=10),
    )
    for status in (CommentStatus.APPROVED, CommentStatus.PENDING):
        ConsultationComment.objects.create(
            document=draft,
            name="Trần Thị Bình",
            organisation="Trường THPT Số 1",
            email=SECRET_EMAIL,
            body="Đề nghị sửa Điều 5",
            show_identity=True,
            consented_at=now,
            status=status,
        )
    item = client.get(f"{URL}{draft.pk}/").json()
    assert item["status"] == "draft" and item["is_draft"] is True
    assert item["consultation"]["open"] is True
    assert item["consultation"]["approved_comments"] == 1
    for url in (URL, f"{URL}?fields=*", f"{URL}{draft.pk}/", f"{URL}?is_draft=true"):
        body = client.get(url).content.decode()
        assert SECRET_EMAIL not in body and "Trần Thị Bình" not in body
        assert "Đề nghị sửa" not in body


def test_filters(
    client,
    legal_document_factory,
    dispatch_type,
    education_area,
    signer,
    city_committee,
    english_agency,
):
    first = legal_document_factory(
        number="15/2024/QĐ-UBND", subject_area=education_area, signer=signer
    )
    second = legal_document_factory(
        number="150/2023/QĐ-UBND", issue_date=date(2023, 6, 1), document_type=dispatch_type
    )
    future = legal_document_factory(
        number="16/2024/QĐ-UBND", effective_date=date.today() + timedelta(days=30)
    )
    draft = legal_document_factory(is_draft=True, number="", issue_date=None)
    assert ids(client, type="cong-van") == {second.pk}
    assert ids(client, field="giao-duc") == {first.pk}
    assert ids(client, signer="nguyen-van-an") == {first.pk}
    assert ids(client, signer=signer.pk) == {first.pk}
    assert ids(client, issuer="ubnd-thanh-pho") == {first.pk, second.pk, future.pk, draft.pk}
    assert ids(client, issuer=english_agency.pk) == ids(client, issuer=city_committee.pk)
    assert ids(client, year=2023) == {second.pk}
    assert ids(client, status="not_in_force_yet") == {future.pk}
    assert ids(client, status="draft") == ids(client, is_draft="true") == {draft.pk}
    assert draft.pk not in ids(client, is_draft="false")
    for typed in ("15/2024/QĐ-UBND", "15/2024/qd-ubnd", "15 2024", " 15-2024 "):
        assert ids(client, number=typed) == {first.pk}, typed
    assert ids(client, number="15") == {first.pk}
    assert ids(client, locale="en") == set()
    oldest_first = [item["id"] for item in listing(client, order="issue_date")["items"]]
    assert [oldest_first[0], oldest_first[-1]] == [second.pk, draft.pk]
    newest_first = [item["id"] for item in listing(client)["items"]]
    assert newest_first[:2] == [draft.pk, future.pk]
    assert listing(client, order="-last_published_at")["items"][0]["id"] == draft.pk
    searched = listing(client, search="quy", order="issue_date")["items"]
    assert [item["id"] for item in searched][0] == second.pk


def test_search_folds_diacritics_and_combines_with_filters(client, legal_document_factory):
    wanted = legal_document_factory(abstract="Quy chế quản lý thi đua khen thưởng")
    legal_document_factory(abstract="Kế hoạch tuyển sinh")
    assert ids(client, search="thi dua") == {wanted.pk}
    assert ids(client, search="thi đua", type="quyet-dinh", year=2024) == {wanted.pk}
    assert ids(client, search="thi đua", status="in_force", number="1") == {wanted.pk}
    assert ids(client, search="thi đua", order="-issue_date", updated_since="2000-01-01") == {
        wanted.pk
    }


@pytest.mark.parametrize(
    "params",
    [
        {"type": "khong-co"},
        {"type": "a b"},
        {"field": "khong-co"},
        {"issuer": "khong-co"},
        {"signer": "999999"},
        {"year": "abc"},
        {"year": "0"},
        {"status": "foo"},
        {"number": "///"},
        {"number": "1" * 200},
        {"is_draft": "maybe"},
        {"order": "title"},
        {"locale": "fr"},
        {"updated_since": "yesterday"},
        {"search": "thi\x00dua"},
        {"type": "quyet\x00dinh"},
        {"limit": "1000"},
        {"limit": "-1"},
        {"offset": "99999999999999"},
        {"issue_date": "2024-01-01"},
        {"title": "x"},
        {"fields": "nothing"},
    ],
)
def test_bad_input_is_a_400_with_a_message(client, legal_document_factory, params):
    legal_document_factory()
    response = client.get(URL, params)
    assert response.status_code == 400, response.content
    assert response.json()["message"]


def test_conditional_requests(client, legal_document_factory):
    document = legal_document_factory()
    for url in (URL, f"{URL}{document.pk}/"):
        response = client.get(url)
        assert response["ETag"] and response["Last-Modified"]
        assert response["Cache-Control"].startswith("public, max-age=")
        assert client.get(url, HTTP_IF_NONE_MATCH=response["ETag"]).status_code == 304


def test_find_redirects_to_this_endpoint(client, legal_document_factory):
    document = legal_document_factory()
    response = client.get(f"{URL}find/", {"id": document.pk})
    assert response.status_code == 302
    assert response["Location"].endswith(f"{URL}{document.pk}/")


def make_documents(factory, attachment_factory, count, start):
    previous = None
    for n in range(start, start + count):
        files = [attachment_factory(f"f{n}-{k}.pdf") for k in range(2)]
        relations = [(RelationKind.AMENDS, previous)] if previous else []
        previous = factory(number=f"{n}/2024/QĐ-UBND", attachments=files, relations=relations)


def queries(url):
    from django.test import Client

    client = Client()
    client.get(url)  # Warms what is cached once for all (site root paths, counts).
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_counts_do_not_grow_with_documents(legal_document_factory, attachment_factory):
    make_documents(legal_document_factory, attachment_factory, 3, 1)
    urls = [URL, f"{URL}?fields=*&limit=100", f"{URL}?search=quy&type=quyet-dinh"]
    few = [queries(url) for url in urls]
    make_documents(legal_document_factory, attachment_factory, 27, 100)
    assert [queries(url) for url in urls] == few


def test_detail_query_count_does_not_grow_with_files_and_relations(
    legal_document_factory, attachment_factory
):
    small = legal_document_factory(attachments=[attachment_factory()])
    targets = [legal_document_factory() for _ in range(10)]
    big = legal_document_factory(
        attachments=[attachment_factory(f"{n}.pdf") for n in range(10)],
        relations=[(RelationKind.GUIDES, target) for target in targets],
    )
    assert queries(f"{URL}{small.pk}/") == queries(f"{URL}{big.pk}/")


def test_answers_match_the_openapi_document(
    client,
    legal_document_factory,
    attachment_factory,
    signer,
    wsgi_app,  # noqa: F811 (the fixture imported above)
):
    now = timezone.now()
    old = legal_document_factory(attachments=[attachment_factory()], signer=signer)
    legal_document_factory(relations=[(RelationKind.PARTIALLY_REPEALS, old)])
    legal_document_factory(
        is_draft=True,
        number="",
        issue_date=None,
        comments_open_at=now,
        comments_close_at=now + timedelta(days=1),
    )
    schema = schemathesis.openapi.from_wsgi("/api/v2/openapi.json", wsgi_app)
    document = client.get("/api/v2/openapi.json").json()
    parameters = {p["name"]: p for p in document["paths"][URL]["get"]["parameters"]}
    assert parameters["status"]["schema"]["enum"] == [
        "draft",
        "not_in_force_yet",
        "in_force",
        "partially_expired",
        "expired",
    ]
    assert "issue_date" not in parameters  # no field filters: the listed filters only
    assert all(p["description"] for p in parameters.values())
    items = listing(client)["items"]
    docs = client.get("/api/docs/").content.decode()
    # The test client re-connects what `wsgi_app` disconnected: on PostgreSQL, a request
    # through the application would then close the test's connection.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    for query in ({}, {"fields": "*"}, {"fields": "_"}, {"status": "draft"}):
        case = schema[URL]["GET"].Case(query=query)
        case.call_and_validate(checks=[response_schema_conformance])
    for item in items:
        for query in ({}, {"fields": "*", "rich_text_format": "html"}):
            case = schema[f"{URL}{{id}}/"]["GET"].Case(
                path_parameters={"id": item["id"]}, query=query
            )
            case.call_and_validate(checks=[response_schema_conformance])
    assert f"<code>{URL}</code>" in docs


def test_publishing_purges_the_endpoint_and_related_documents(
    legal_document_factory, settings, django_capture_on_commit_callbacks
):
    from tests.performance.conftest import RecordingBackend

    settings.WAGTAILFRONTENDCACHE = {
        "default": {"BACKEND": "tests.performance.conftest.RecordingBackend"}
    }
    RecordingBackend.purged = []
    target = legal_document_factory()
    source = legal_document_factory(relations=[(RelationKind.REPEALS, target)])
    with django_capture_on_commit_callbacks(execute=True):
        source.save_revision().publish()
    purged = set(RecordingBackend.purged)
    RecordingBackend.purged = []
    root = "http://testserver"
    assert {
        f"{root}{URL}",
        f"{root}{URL}{source.pk}/",
        f"{root}{URL}{target.pk}/",  # its status and relations changed
    } <= purged
