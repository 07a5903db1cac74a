"""The English version of the demo, made with wagtail-localize's own machinery.

Each object gets a wagtail-localize Translation whose strings are filled from the tables
below, then published: editors find it in the admin like any translation they made, can
change it segment by segment, and the synchronised fields (dates, images, links to
agencies, people, awards and years) keep following the Vietnamese source.
"""

from html import escape, unescape

from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from demo.data import (
    SEED_CAPTIONS,
    SEED_LEAD,
    SEED_PARAGRAPHS,
    SEED_SCENES,
    SEED_TITLE,
    SEED_VENUE,
    SEED_VENUE_ADDRESS,
)
from demo.news import NewsDemo
from demo.news_data import SCENE_ALT

SEED_TITLE_EN = (
    "The bloc of state management agencies for culture and society signs its emulation "
    "covenant and launches its work for 2024"
)
SEED_LEAD_EN = (
    "On the morning of 26 January, the city's bloc of state management agencies for culture "
    "and society held a conference to sign its emulation covenant and launch its work for "
    "2024. Comrade Hoàng Minh Cường, Vice Chairman of the city People's Committee, attended "
    "the conference."
)
SEED_CAPTIONS_EN = [
    "Representatives of the bloc's member units sign the emulation covenant.",
    "Vice Chairman of the People's Committee Hoàng Minh Cường presents certificates of merit "
    "to 07 collectives with outstanding achievements in 2023.",
]
SEED_PARAGRAPHS_EN = [
    "Implementing the 2023 emulation covenant, the emulation bloc of state management agencies "
    "for culture and society, made up of the departments and sectors of Science and "
    "Technology; Health; Labour, Invalids and Social Affairs; Education and Training; Culture "
    "and Sports; Information and Communications; Hai Phong Social Insurance and Hai Phong "
    "Publishing House, kept closely to the political tasks of their sectors, concentrated on "
    "advising, directing and organising the emulation movement, and carried out their assigned "
    "tasks well, with concrete results: building the Party, the government and the mass "
    "organisations received due attention; cultural and social activities were stepped up; "
    "security, order and social safety in the bloc's units kept improving; emulation movements "
    "were well organised, encouraging initiatives and scientific research and raising the "
    "efficiency of work… The units completed the tasks given by the city People's Committee, "
    "and some exceeded their targets, such as the Department of Science and Technology, the "
    "Department of Labour, Invalids and Social Affairs and the Department of Information and "
    "Communications.",
    "In 2024 the headship of the emulation bloc passes to the Department of Education and "
    "Training. Accepting the task, Comrade Đỗ Văn Lợi, Deputy Director of the Department of "
    "Education and Training, stressed that 2024 is a year of breakthrough, decisive for "
    "completing the five-year socio-economic development plan (2021-2025) and the Resolution "
    "of the 16th Congress of the city Party Committee. Answering the emulation movements "
    "launched by the city People's Committee and by the ministries and sectors, the bloc is "
    "determined to meet and exceed the targets of its 2024 plan and to greet the great "
    "holidays of the country, the city and the sector with achievements; the bloc launched an "
    "emulation movement with the theme “The emulation bloc of state management agencies for "
    "culture and society: solidarity, creativity, acceleration and efficiency”.",
    "Also at the conference, Comrade Hoàng Minh Cường, Vice Chairman of the city People's "
    "Committee, presented the flag “Leading unit of the emulation bloc” to the Department of "
    "Science and Technology, and certificates of merit to 07 collectives with exemplary, "
    "outstanding achievements in the 2023 emulation movement.",
]

# Fields whose text stays the same in English: names of people, bylines, snippet slugs.
KEPT_AS_IS = {"name", "author", "slug"}

# Vietnamese source string -> English, for every object the demo translates.
STRINGS = {
    **dict(SCENE_ALT[scene] for scene in SEED_SCENES),
    SEED_TITLE: SEED_TITLE_EN,
    SEED_LEAD: SEED_LEAD_EN,
    SEED_VENUE: "Hai Phong City",
    SEED_VENUE_ADDRESS: "Hai Phong, Viet Nam",
    **dict(zip(SEED_CAPTIONS, SEED_CAPTIONS_EN, strict=True)),
    **dict(zip(SEED_PARAGRAPHS, SEED_PARAGRAPHS_EN, strict=True)),
    # Page slugs: English addresses under /en/.
    "trang-chu": "home",
    "tin-tuc-su-kien": "news-and-events",
    "thong-bao": "announcements",
    "Thông báo": "Announcements",
    "khoi-thi-dua": "emulation-blocs",
    "khoi-van-hoa-xa-hoi": "culture-and-society-bloc",
    "khoi-van-hoa-xa-hoi-ky-giao-uoc-thi-dua-nam-2024": (
        "culture-and-society-bloc-signs-its-2024-emulation-covenant"
    ),
    "Trang chủ": "Home",
    "Tin tức - Sự kiện": "News and events",
    "Khối thi đua": "Emulation blocs",
    "Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố": (
        "Bloc of the city's state management agencies for culture and society"
    ),
    "Khối Văn hóa - xã hội": "Culture and society bloc",
    "đoàn kết, sáng tạo, tăng tốc và hiệu quả": (
        "solidarity, creativity, acceleration and efficiency"
    ),
    "Thi đua - Khen thưởng": "Emulation and awards",
    "Văn hóa - xã hội": "Culture and society",
    # Agencies: full name, short name, abbreviation.
    "Ủy ban nhân dân thành phố Hải Phòng": "Hai Phong City People's Committee",
    "UBND thành phố": "City People's Committee",
    "UBND TP": "City PC",
    "Sở Khoa học và Công nghệ": "Department of Science and Technology",
    "Sở KH&CN": "DOST",
    "Sở Y tế": "Department of Health",
    "Sở Lao động - Thương binh và Xã hội": "Department of Labour, Invalids and Social Affairs",
    "Sở LĐTB&XH": "DOLISA",
    "Sở Giáo dục và Đào tạo": "Department of Education and Training",
    "Sở GD&ĐT": "DOET",
    "Sở Văn hóa và Thể thao": "Department of Culture and Sports",
    "Sở VH&TT": "DCS",
    "Sở Thông tin và Truyền thông": "Department of Information and Communications",
    "Sở TT&TT": "DIC",
    "Bảo hiểm xã hội thành phố Hải Phòng": "Hai Phong Social Insurance",
    "Bảo hiểm xã hội thành phố": "City Social Insurance",
    "BHXH thành phố": "City SI",
    "Nhà xuất bản Hải Phòng": "Hai Phong Publishing House",
    "NXB Hải Phòng": "Hai Phong Publishing House",
    # People's positions (names stay as they are).
    "Phó Chủ tịch UBND thành phố": "Vice Chairman of the city People's Committee",
    "Phó Giám đốc Sở Giáo dục và Đào tạo": "Deputy Director of the Department of Education and "
    "Training",
    # Awards.
    "Cờ “Đơn vị dẫn đầu khối thi đua”": "Flag “Leading unit of the emulation bloc”",
    "Bằng khen": "Certificate of merit",
    "tập thể có thành tích tiêu biểu, xuất sắc trong phong trào thi đua năm 2023": (
        "collectives with exemplary, outstanding achievements in the 2023 emulation movement"
    ),
    # Banners: names (admin only) and alternative texts.
    "Biểu ngữ đầu trang": "Header banner",
    "Cổng thông tin điện tử Sở Khoa học và Công nghệ": (
        "Department of Science and Technology portal"
    ),
    "Cổng thông tin điện tử Chính phủ": "Government of Viet Nam portal",
    "Cổng Dịch vụ công quốc gia": "National Public Service Portal",
    "Cổng thông tin điện tử thành phố Hải Phòng": "Hai Phong City portal",
    "Bộ Khoa học và Công nghệ": "Ministry of Science and Technology",
    # Officials' roles at the event.
    "dự Hội nghị": "attended the conference",
    "phát biểu nhận nhiệm vụ": "spoke on taking up the headship",
}


def translate_strings(translation, strings=STRINGS):
    """Fill a wagtail-localize translation's strings from `strings`, as an editor would."""
    po = translation.export_po()
    for entry in po:
        source = unescape(entry.msgid)
        if source in strings:
            english = strings[source]
            # Rich text segments hold HTML: keep entities where the source had them.
            entry.msgstr = escape(english, quote=False) if source != entry.msgid else english
        elif entry.msgctxt in KEPT_AS_IS:
            entry.msgstr = entry.msgid
    translation.import_po(po)


def translate(instance, locale=None, strings=STRINGS):
    """Translate `instance` into English through wagtail-localize and publish it.

    Does nothing when an English version already exists, so an editor's changes stay.
    The target is saved as a draft and its revision published here and now: wagtail-localize
    defers publishing to the end of the transaction, which would publish a copy of the page
    taken before the next translations became its children (and never runs in tests).
    """
    locale = locale or Locale.objects.get(language_code="en")
    if instance.has_translation(locale):
        return instance.get_translation(locale)
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    translate_strings(translation, strings)
    translation.save_target(publish=False)
    target = instance.get_translation(locale)
    revision = target.get_latest_revision()
    draft = revision.as_object()
    if hasattr(draft, "tags") and english_tags(draft, strings):
        draft.save_revision().publish()
    else:
        revision.publish()
    return target


def english_tags(page, strings):
    """Give `page` the English names of its tags (wagtail-localize copies tags as they are);
    True when some changed."""
    names = [tag.name for tag in page.tags.all()]
    english = [strings.get(name, name) for name in names]
    if english == names:
        return False
    page.tags.set(english)
    return True


class EnglishDemo:
    """Translates the demo's seed world into English; `load()` is idempotent."""

    def __init__(self, demo):
        self.demo = demo

    def load(self):
        from blocs.models import BlocIndexPage, BlocPage, BlocYear
        from snippets.models import Banner

        locale = Locale.objects.get(language_code="en")
        demo = self.demo
        for snippet in [*demo.agencies.values(), *demo.people.values(), *demo.awards]:
            translate(snippet, locale)
        for banner in Banner.objects.filter(locale=demo.locale_vi):
            translate(banner, locale)
        for page in [demo.home, demo.news_index, demo.announcement_index]:
            translate(page, locale)
        news = NewsDemo(demo.news_index, demo.announcement_index, demo.agencies)
        for page, strings in news.english_strings():
            translate(page, locale, {**STRINGS, **strings})
        bloc_index = BlocIndexPage.objects.get(locale=demo.locale_vi)
        translate(bloc_index, locale)
        for bloc in BlocPage.objects.child_of(bloc_index):
            translate(bloc, locale)
            for bloc_year in BlocYear.objects.filter(bloc=bloc):
                translate(bloc_year, locale)
        translate(demo.seed_report, locale)
