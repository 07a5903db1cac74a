"""The covenant's signing report is linked in the reader's language, or marked with its own."""

from blocs.models import BlocPage


def english_bloc(demo):
    return BlocPage.objects.get(locale__language_code="en")


def test_english_bloc_links_the_english_signing_report(client, demo_content_en):
    report_en = demo_content_en.seed_report.get_translation(english_bloc(demo_content_en).locale)
    html = client.get(english_bloc(demo_content_en).url).content.decode()
    assert f'<a href="{report_en.url}">{report_en.title}</a>' in html


def test_untranslated_signing_report_keeps_its_language_attribute(client, demo_content_en):
    bloc = english_bloc(demo_content_en)
    demo_content_en.seed_report.get_translation(bloc.locale).unpublish()
    report = demo_content_en.seed_report
    html = client.get(bloc.url).content.decode()
    assert f'<a href="{report.url}" lang="vi">{report.title}</a>' in html
