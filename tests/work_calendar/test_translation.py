"""A week translated with wagtail-localize keeps who takes part, named in the translation's
language where the unit or person has been translated."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from tests.home.test_translation import fill_strings
from tests.work_calendar.conftest import entry
from work_calendar.models import WorkEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_people(locale_en, director, deputy, office):
    """The director and the office translated and published; the deputy is not."""
    english = {}
    for source in (director, office):
        copy = source.copy_for_translation(locale_en)
        if source == office:
            copy.name = "Department Office"
        copy.save()
        copy.save_revision().publish()
        english[source.slug] = copy
    return english


def translate_week(client, week, locale_en, capture):
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["work_calendar", "workweek", week.pk],
    )
    with capture(execute=True):
        assert client.post(url, {"locales": [locale_en.pk]}).status_code == 302
    translation = Translation.objects.get(
        source__object_id=week.translation_key, target_locale=locale_en
    )
    fill_strings(translation, {"Họp giao ban Sở": "Department briefing"})
    with capture(execute=True):
        translation.save_target(publish=True)
    return week.get_translation(locale_en)


def test_a_translated_week_keeps_its_participants_in_english(
    client,
    admin_client,
    home,
    calendar_page,
    published_week,
    locale_en,
    english_people,
    director,
    deputy,
    django_capture_on_commit_callbacks,
):
    meeting = published_week.entries.get(content="Họp giao ban Sở")
    meeting.participant_people.set([director, deputy])
    meeting.save()
    english_week = translate_week(
        admin_client, published_week, locale_en, django_capture_on_commit_callbacks
    )
    english_meeting = WorkEntry.objects.get(week=english_week, content="Department briefing")
    assert english_meeting.presider == english_people["nguyen-thi-minh-ha"]
    assert list(english_meeting.participant_units.all()) == [english_people["van-phong-so"]]
    # wagtail-localize made the deputy's English version along with the week's, as a draft:
    # the Vietnamese one stays until it is published, so that readers still see the deputy.
    assert not deputy.get_translation(locale_en).live
    assert set(english_meeting.participant_people.all()) == {
        english_people["nguyen-thi-minh-ha"],
        deputy,
    }
    home.copy_for_translation(locale_en).save_revision().publish()
    english_page = calendar_page.copy_for_translation(locale_en)
    english_page.slug = "work-calendar"
    english_page.save_revision().publish()
    html = client.get("/en/work-calendar/").content.decode()
    assert "Department briefing" in html and "<li>Department Office</li>" in html
    assert f"<li>{deputy.name}</li>" in html
    assert "Văn phòng Sở" not in html


def test_an_english_week_saved_with_vietnamese_participants_names_their_translations(
    make_week, this_monday, locale_en, english_people, director, deputy, office
):
    meeting = entry(this_monday, 8, "Department briefing", english_people["nguyen-thi-minh-ha"])
    meeting.participant_units = [office]
    meeting.participant_people = [director, deputy]
    week = make_week(this_monday, [meeting], locale=locale_en)
    saved = WorkEntry.objects.get(week=week)
    assert list(saved.participant_units.all()) == [english_people["van-phong-so"]]
    # The deputy has no English version: the Vietnamese one stays rather than vanish.
    assert set(saved.participant_people.all()) == {english_people["nguyen-thi-minh-ha"], deputy}
