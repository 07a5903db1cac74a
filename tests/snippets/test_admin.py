from datetime import UTC, date, datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ReferenceIndex
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from snippets.models import Agency, Award, AwardRecipient, Banner, Person

pytestmark = pytest.mark.django_db

# ISO input is accepted whatever the admin language; see test_dates_typed_as_the_date_picker_shows.
DATETIME_INPUT = "%Y-%m-%d %H:%M"


def admin_url(model_name, view, *args):
    return reverse(f"wagtailsnippets_snippets_{model_name}:{view}", args=args)


def local_datetime(value):
    """A datetime as typed in the admin, and the aware datetime it stands for."""
    value = timezone.localtime(value).replace(second=0, microsecond=0)
    return value.strftime(DATETIME_INPUT), value


def create(admin_client, model_name, data):
    response = admin_client.post(admin_url(model_name, "add"), {**data, "action-publish": "1"})
    if response.status_code != 302:
        form = response.context["form"]
        pytest.fail(f"form refused: {form.errors.as_json()} {form.formsets}")


def test_admin_creates_an_agency_with_every_field(
    admin_client, make_agency, make_image, make_person
):
    parent = make_agency("Ủy ban nhân dân thành phố")
    logo = make_image("Logo")
    head, supervisor = make_person("Nguyễn Văn Trưởng"), make_person("Bùi Văn Toàn")
    expire_at_text, expire_at = local_datetime(timezone.now() + timedelta(days=365))
    go_live_at_text, go_live_at = local_datetime(timezone.now() - timedelta(days=1))

    create(
        admin_client,
        "agency",
        {
            "name": "Sở Khoa học và Công nghệ",
            "short_name": "Sở Khoa học",
            "abbreviation": "Sở KH&CN",
            "kind": "department",
            "parent": parent.pk,
            "slug": "so-khcn",
            "logo": logo.pk,
            "website": "https://dost.haiphong.gov.vn",
            "address": "18 Hoàng Diệu, Hồng Bàng, Hải Phòng",
            "phone": "0225 3842 664",
            "email": "sokhcn@haiphong.gov.vn",
            "functions": rich_text("<p>Tham mưu về khoa học</p>"),
            "head": head.pk,
            "supervisor": supervisor.pk,
            "sort_order": "3",
            "go_live_at": go_live_at_text,
            "expire_at": expire_at_text,
        },
    )

    agency = Agency.objects.get(slug="so-khcn")
    assert agency.live
    assert agency.locale.language_code == "vi"
    assert (agency.name, agency.short_name, agency.abbreviation) == (
        "Sở Khoa học và Công nghệ",
        "Sở Khoa học",
        "Sở KH&CN",
    )
    assert (agency.kind, agency.parent, agency.logo) == ("department", parent, logo)
    assert agency.website == "https://dost.haiphong.gov.vn"
    assert agency.address == "18 Hoàng Diệu, Hồng Bàng, Hải Phòng"
    assert (agency.phone, agency.email) == ("0225 3842 664", "sokhcn@haiphong.gov.vn")
    assert (agency.go_live_at, agency.expire_at) == (go_live_at, expire_at)
    assert "Tham mưu về khoa học" in agency.functions
    assert (agency.head, agency.supervisor, agency.sort_order) == (head, supervisor, 3)


def test_a_unit_cannot_be_placed_under_itself(admin_client, make_agency):
    department = make_agency("Sở Khoa học và Công nghệ")
    office = make_agency("Văn phòng Sở", parent=department)
    response = admin_client.post(
        admin_url("agency", "edit", department.pk),
        {
            "name": department.name,
            "kind": "department",
            "parent": office.pk,
            "slug": department.slug,
            "sort_order": "0",
            "functions": rich_text(""),
        },
    )
    assert response.status_code == 200
    assert "parent" in response.context["form"].errors
    department.refresh_from_db()
    assert department.parent is None


def test_admin_creates_a_person_with_every_field(admin_client, make_agency, make_image):
    agency = make_agency("Sở Giáo dục và Đào tạo")
    photo = make_image("Chân dung")

    create(
        admin_client,
        "person",
        {
            "name": "Đỗ Văn Lợi",
            "position": "Phó Giám đốc Sở Giáo dục và Đào tạo",
            "agency": agency.pk,
            "slug": "do-van-loi",
            "photo": photo.pk,
            "official_email": "dvloi@haiphong.gov.vn",
            "phone": "0225 3842 555",
            "responsibilities": rich_text("<ul><li>Giáo dục mầm non</li></ul>"),
            **nested_form_data(
                {
                    "positions": inline_formset(
                        [
                            {
                                "title": "Trưởng phòng",
                                "agency": agency.pk,
                                "start_date": "2015-01-01",
                                "end_date": "2019-12-31",
                            },
                            {"title": "Phó Giám đốc Sở", "start_date": "2020-01-01"},
                        ]
                    )
                }
            ),
        },
    )

    person = Person.objects.get(slug="do-van-loi")
    assert person.live
    assert (person.name, person.position) == ("Đỗ Văn Lợi", "Phó Giám đốc Sở Giáo dục và Đào tạo")
    assert (person.agency, person.photo) == (agency, photo)
    assert (person.official_email, person.phone) == ("dvloi@haiphong.gov.vn", "0225 3842 555")
    assert "Giáo dục mầm non" in person.responsibilities
    assert person.position_on(date(2018, 5, 1)) == "Trưởng phòng"
    assert person.position_on(date(2024, 5, 1)) == "Phó Giám đốc Sở"


def test_a_post_cannot_end_before_it_starts(admin_client):
    response = admin_client.post(
        admin_url("person", "add"),
        {
            "name": "Lê Thu Trang",
            "slug": "le-thu-trang",
            "responsibilities": rich_text(""),
            **nested_form_data(
                {
                    "positions": inline_formset(
                        [{"title": "Phó Giám đốc", "start_date": "2024-01-01",
                          "end_date": "2023-01-01"}]
                    )
                }
            ),
        },
    )  # fmt: skip
    assert response.status_code == 200
    assert not Person.objects.filter(slug="le-thu-trang").exists()


def test_admin_creates_an_award_with_every_field(admin_client, make_agency, make_person):
    committee = make_agency("Ủy ban nhân dân thành phố")
    vice_chair = make_person("Hoàng Minh Cường")
    science = make_agency("Sở Khoa học và Công nghệ")
    health = make_agency("Sở Y tế")

    create(
        admin_client,
        "award",
        nested_form_data(
            {
                "kind": "leading_unit_flag",
                "year": "2024",
                "title": "Cờ Đơn vị dẫn đầu khối thi đua",
                "conferred_by_agency": committee.pk,
                "conferred_by_person": vice_chair.pk,
                "recipients": inline_formset([{"agency": science.pk}, {"agency": health.pk}]),
                "recipient_count": "7",
                "recipient_description": "tập thể có thành tích xuất sắc",
                "decision_number": "123/QĐ-UBND",
                "decision_date": "2024-01-15",
                "description": rich_text("<p>Tặng <b>07 tập thể</b></p>"),
            }
        ),
    )

    award = Award.objects.get()
    assert award.live
    assert (award.kind, award.year) == ("leading_unit_flag", 2024)
    assert award.title == "Cờ Đơn vị dẫn đầu khối thi đua"
    assert (award.conferred_by_agency, award.conferred_by_person) == (committee, vice_chair)
    assert [r.agency for r in award.recipients.all()] == [science, health]
    assert (award.recipient_count, award.recipient_description) == (
        7,
        "tập thể có thành tích xuất sắc",
    )
    assert (award.decision_number, award.decision_date) == ("123/QĐ-UBND", date(2024, 1, 15))
    assert "<b>07 tập thể</b>" in award.description


def test_admin_creates_a_banner_with_every_field(admin_client, make_image, site_root_page):
    image = make_image("Ảnh banner")
    starts_at_text, starts_at = local_datetime(datetime(2024, 1, 1, 8, tzinfo=UTC))
    ends_at_text, ends_at = local_datetime(datetime(2030, 1, 1, 8, tzinfo=UTC))

    create(
        admin_client,
        "banner",
        {
            "title": "Cổng thông tin thành phố",
            "image": image.pk,
            "alt_text": "Cổng thông tin điện tử thành phố Hải Phòng",
            "placement": "sidebar",
            "sort_order": "3",
            "link_page": site_root_page.pk,
            "starts_at": starts_at_text,
            "ends_at": ends_at_text,
        },
    )

    banner = Banner.objects.get()
    assert banner.live
    assert (banner.title, banner.image, banner.link_page) == (
        "Cổng thông tin thành phố",
        image,
        site_root_page,
    )
    assert banner.alt_text == "Cổng thông tin điện tử thành phố Hải Phòng"
    assert (banner.placement, banner.sort_order) == ("sidebar", 3)
    assert (banner.starts_at, banner.ends_at) == (starts_at, ends_at)


def test_dates_typed_as_the_date_picker_shows(admin_client):
    data = {
        "kind": "certificate_of_merit",
        "year": "2024",
        "title": "Bằng khen",
        "decision_date": "15/01/2024",
        **nested_form_data({"recipients": inline_formset([])}),
    }
    create(admin_client, "award", data)
    assert Award.objects.get().decision_date == date(2024, 1, 15)


def test_banner_link_url_is_accepted_too(admin_client, make_image):
    create(
        admin_client,
        "banner",
        {
            "title": "Cổng dịch vụ công",
            "image": make_image().pk,
            "alt_text": "Cổng dịch vụ công quốc gia",
            "placement": "home",
            "sort_order": "0",
            "link_url": "https://dichvucong.gov.vn",
        },
    )
    assert Banner.objects.get().link == "https://dichvucong.gov.vn"


def test_a_slug_taken_in_the_same_language_is_refused_not_a_server_error(
    admin_client, make_agency, locale_en
):
    make_agency("Sở Y tế", slug="so-y-te")
    data = {"name": "Sở Y tế (bản sao)", "slug": "so-y-te", "kind": "department"}

    response = admin_client.post(admin_url("agency", "add"), data)
    assert response.status_code == 200
    assert "slug" in response.context["form"].errors
    assert Agency.objects.count() == 1

    response = admin_client.post(admin_url("agency", "add") + "?locale=en", data)
    assert response.status_code == 302
    assert Agency.objects.filter(slug="so-y-te").count() == 2


@pytest.mark.parametrize("model_name", ["agency", "person", "award", "banner"])
def test_every_listing_opens(admin_client, model_name):
    response = admin_client.get(admin_url(model_name, "list"))
    assert response.status_code == 200


def listing(admin_client, model_name, **params):
    response = admin_client.get(admin_url(model_name, "list"), params)
    assert response.status_code == 200
    return response.content.decode()


def test_agency_listing_search_and_filters(admin_client, make_agency, locale_en):
    make_agency("Sở Khoa học và Công nghệ")
    make_agency("Nhà xuất bản Hải Phòng", kind=Agency.Kind.PUBLISHER)
    make_agency("Sở Tài chính", publish=False)
    make_agency("Department of Health", locale=locale_en)

    html = listing(admin_client, "agency", q="Khoa học")
    assert "Sở Khoa học và Công nghệ" in html
    assert "Nhà xuất bản Hải Phòng" not in html

    html = listing(admin_client, "agency", kind="publisher")
    assert "Nhà xuất bản Hải Phòng" in html
    assert "Sở Khoa học và Công nghệ" not in html

    html = listing(admin_client, "agency", live="false")
    assert "Sở Tài chính" in html
    assert "Sở Khoa học và Công nghệ" not in html

    html = listing(admin_client, "agency", locale="en")
    assert "Department of Health" in html
    assert "Sở Khoa học và Công nghệ" not in html


def test_person_award_and_banner_listings_search_and_filter(
    admin_client, make_agency, make_person, make_award, make_banner
):
    health = make_agency("Sở Y tế")
    make_person("Đỗ Văn Lợi", agency=health)
    make_person("Hoàng Minh Cường")
    make_award("Cờ thi đua 2023", year=2023)
    make_award("Bằng khen 2024", year=2024, kind=Award.Kind.CERTIFICATE_OF_MERIT)
    make_banner("Banner đầu trang", placement=Banner.Placement.HEADER)
    make_banner("Banner cột bên", placement=Banner.Placement.SIDEBAR)

    assert "Đỗ Văn Lợi" in listing(admin_client, "person", q="Lợi")
    html = listing(admin_client, "person", agency=health.pk)
    assert "Đỗ Văn Lợi" in html
    assert "Hoàng Minh Cường" not in html

    html = listing(admin_client, "award", year=2023)
    assert "Cờ thi đua 2023" in html
    assert "Bằng khen 2024" not in html
    html = listing(admin_client, "award", kind="certificate_of_merit", q="Bằng khen")
    assert "Bằng khen 2024" in html
    assert "Cờ thi đua 2023" not in html

    html = listing(admin_client, "banner", placement="header")
    assert "Banner đầu trang" in html
    assert "Banner cột bên" not in html


def assert_deletion_refused(admin_client, model_name, instance, referrer):
    """The delete view names the referrer and offers no confirmation; POST deletes nothing."""
    delete_url = admin_url(model_name, "delete", instance.pk)
    referrer_edit_url = admin_url(referrer._meta.model_name, "edit", referrer.pk)

    response = admin_client.get(delete_url)
    html = response.content.decode()
    assert response.status_code == 200
    assert str(referrer) in html
    assert f'href="{referrer_edit_url}"' in html
    assert f'action="{delete_url}"' not in html

    response = admin_client.post(delete_url)
    assert response.status_code == 409
    assert str(referrer) in response.content.decode()
    assert type(instance).objects.filter(pk=instance.pk).exists()


@pytest.mark.parametrize(
    "make_referrer",
    [
        pytest.param(lambda f, agency: f["person"]("Đỗ Văn Lợi", agency=agency), id="person"),
        pytest.param(
            lambda f, agency: f["award"]("Cờ thi đua", conferred_by_agency=agency),
            id="award-conferrer",
        ),
        pytest.param(
            lambda f, agency: f["award"]("Bằng khen", recipients=[agency]), id="award-recipient"
        ),
        pytest.param(
            lambda f, agency: f["agency"]("Phòng Quản lý khoa học", parent=agency),
            id="child-agency",
        ),
        pytest.param(
            lambda f, agency: f["person"]("Người dự thảo", agency=agency, publish=False),
            id="draft-person",
        ),
    ],
)
def test_deleting_a_referenced_agency_is_refused(
    admin_client, make_agency, make_person, make_award, make_referrer
):
    agency = make_agency("Sở Khoa học và Công nghệ")
    factories = {"agency": make_agency, "person": make_person, "award": make_award}
    referrer = make_referrer(factories, agency)

    assert_deletion_refused(admin_client, "agency", agency, referrer)


def test_deleting_a_person_who_conferred_an_award_is_refused(admin_client, make_person, make_award):
    person = make_person("Hoàng Minh Cường")
    award = make_award("Cờ thi đua", conferred_by_person=person)

    assert_deletion_refused(admin_client, "person", person, award)


def test_refusal_does_not_depend_on_the_reference_index(admin_client, make_agency, make_person):
    agency = make_agency("Sở Y tế")
    person = make_person("Đỗ Văn Lợi", agency=agency)
    ReferenceIndex.objects.all().delete()

    assert_deletion_refused(admin_client, "agency", agency, person)


def test_bulk_deletion_of_a_referenced_agency_is_refused(admin_client, make_agency, make_person):
    free = make_agency("Sở Tài chính")
    used = make_agency("Sở Y tế")
    person = make_person("Đỗ Văn Lợi", agency=used)
    url = reverse("wagtail_bulk_action", args=("snippets", "agency", "delete"))
    query = f"?id={free.pk}&id={used.pk}"

    response = admin_client.get(url + query)
    assert response.status_code == 200
    assert str(person) in response.content.decode()

    response = admin_client.post(url + query)
    assert response.status_code == 409
    assert Agency.objects.count() == 2


def test_an_unreferenced_agency_can_be_deleted(admin_client, make_agency):
    agency = make_agency("Sở Tài chính")
    delete_url = admin_url("agency", "delete", agency.pk)

    response = admin_client.get(delete_url)
    assert response.status_code == 200
    assert f'action="{delete_url}"' in response.content.decode()

    response = admin_client.post(delete_url)
    assert response.status_code == 302
    assert not Agency.objects.exists()


def test_an_award_can_be_deleted_with_its_recipient_list(admin_client, make_agency, make_award):
    agency = make_agency("Sở Khoa học và Công nghệ")
    award = make_award("Cờ thi đua", recipients=[agency])

    response = admin_client.post(admin_url("award", "delete", award.pk))

    assert response.status_code == 302
    assert not Award.objects.exists()
    assert not AwardRecipient.objects.exists()
    assert Agency.objects.filter(pk=agency.pk).exists()


def test_an_award_names_its_year_once_in_the_admin(admin_client, make_award):
    make_award("Cờ thi đua năm 2023", year=2023)
    make_award("Bằng khen", year=2024, kind=Award.Kind.CERTIFICATE_OF_MERIT)

    html = listing(admin_client, "award")
    assert "Cờ thi đua năm 2023 (2023)" not in html
    assert "Cờ thi đua năm 2023" in html
    assert "Bằng khen (2024)" in html
