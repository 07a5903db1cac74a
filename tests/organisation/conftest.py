"""Fixtures of the organisation section: a department with units, leaders and its page."""

from datetime import date

import pytest

from organisation.models import FocalPoint, OrganisationLeader, OrganisationPage
from snippets.models import Agency, Person, PersonPosition


def publish(obj):
    obj.save_revision().publish()
    obj.refresh_from_db()
    return obj


@pytest.fixture
def department(locale_vi):
    return Agency.objects.create(
        name="Sở Khoa học và Công nghệ",
        slug="so-khcn",
        address="Số 1 Lê Đại Hành, Hải Phòng",
        phone="0225 3842 123",
        email="skhcn@haiphong.gov.vn",
        live=True,
    )


@pytest.fixture
def director(locale_vi):
    person = Person.objects.create(
        name="Nguyễn Thị Minh Hà",
        slug="nguyen-thi-minh-ha",
        position="Giám đốc Sở",
        official_email="ntmha@haiphong.gov.vn",
        phone="0225 3842 100",
        responsibilities="<p>Lãnh đạo, điều hành chung</p>",
        live=True,
    )
    PersonPosition.objects.create(
        person=person, title="Phó Giám đốc Sở", start_date=date(2018, 1, 1),
        end_date=date(2022, 6, 30),
    )  # fmt: skip
    PersonPosition.objects.create(
        person=person, title="Giám đốc Sở", start_date=date(2022, 7, 1), sort_order=1
    )
    return person


@pytest.fixture
def deputy(locale_vi):
    return Person.objects.create(
        name="Bùi Văn Toàn", slug="bui-van-toan", position="Phó Giám đốc Sở", live=True
    )


@pytest.fixture
def unit_factory(department):
    counter = {"n": 0}

    def make(parent=None, **fields):
        counter["n"] += 1
        n = counter["n"]
        values = {
            "name": f"Phòng số {n}",
            "slug": f"phong-{n}",
            "kind": Agency.Kind.DIVISION,
            "parent": parent or department,
            "sort_order": n,
            "live": True,
        }
        values.update(fields)
        return Agency.objects.create(**values)

    return make


@pytest.fixture
def organisation_page(home, department, director, deputy):
    page = OrganisationPage(
        title="Giới thiệu",
        slug="gioi-thieu",
        agency=department,
        functions="<p>Tham mưu về khoa học và công nghệ</p>",
        history="<p>Thành lập năm 1976</p>",
        show_in_menus=True,
    )
    page.leaders.add(OrganisationLeader(person=director, role="director"))
    page.leaders.add(OrganisationLeader(person=deputy, role="deputy"))
    page.focal_points.add(
        FocalPoint(person=deputy, role="Người phát ngôn", email="phatngon@haiphong.gov.vn")
    )
    home.add_child(instance=page)
    return publish(page)


from tests.api.conftest import wsgi_app  # noqa: E402, F401
from tests.articles.conftest import article_factory, image_factory, news_index  # noqa: E402, F401
