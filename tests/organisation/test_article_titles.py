"""An article names a person with the title held on its date (the posts held), in a number
of queries that does not grow with the number of people."""

from datetime import UTC, date, datetime

import pytest

from articles.models import ArticlePerson, EventOfficial, EventReportPage
from snippets.models import Person, PersonPosition

from .conftest import publish

pytestmark = pytest.mark.django_db


def people_list(html):
    return html.split('class="people-list"', 1)[1].split("</ul>", 1)[0]


def test_an_old_article_names_the_title_held_then(client, article_factory, director):
    old = article_factory(date=datetime(2020, 3, 1, tzinfo=UTC))
    new = article_factory(date=datetime(2024, 3, 1, tzinfo=UTC))
    for page in (old, new):
        page.related_people = [ArticlePerson(person=director)]
        publish(page)
    assert "Phó Giám đốc Sở" in people_list(client.get(old.url).content.decode())
    new_people = people_list(client.get(new.url).content.decode())
    assert "– Giám đốc Sở" in new_people and "Phó" not in new_people


def test_without_a_post_then_the_current_title_shows(client, article_factory, deputy):
    page = article_factory(date=datetime(2010, 1, 1, tzinfo=UTC))
    page.related_people = [ArticlePerson(person=deputy)]
    publish(page)
    assert "Bùi Văn Toàn – Phó Giám đốc Sở" in client.get(page.url).content.decode()


def test_an_event_report_names_the_officials_with_their_titles_then(client, news_index, director):
    report = EventReportPage(
        title="Hội nghị", slug="hoi-nghi", lead="Hội nghị",
        date=datetime(2021, 5, 1, tzinfo=UTC), event_start=datetime(2021, 5, 1, tzinfo=UTC),
    )  # fmt: skip
    report.officials = [EventOfficial(person=director, presided=True)]
    news_index.add_child(instance=report)
    publish(report)
    html = client.get(report.url).content.decode()
    assert "Nguyễn Thị Minh Hà – Phó Giám đốc Sở" in html


@pytest.mark.parametrize("count", [2, 40])
def test_query_count_does_not_grow_with_the_people(
    client, article_factory, locale_vi, django_assert_max_num_queries, count
):
    people = []
    for n in range(count):
        person = Person.objects.create(name=f"Người {n}", slug=f"nguoi-{n}", live=True)
        PersonPosition.objects.create(person=person, title=f"Chức {n}", start_date=date(2000, 1, 1))
        people.append(person)
    page = article_factory(date=datetime(2024, 1, 1, tzinfo=UTC))
    page.related_people = [ArticlePerson(person=p) for p in people]
    publish(page)
    client.get(page.url)
    with django_assert_max_num_queries(40):
        html = client.get(page.url).content.decode()
    assert f"Người {count - 1} – Chức {count - 1}" in html
