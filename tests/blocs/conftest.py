import itertools

import pytest

from blocs.models import BlocIndexPage, BlocMembership, BlocPage, BlocYear, BlocYearAward
from snippets.models import Agency, Award, AwardRecipient


def publish(obj):
    obj.save_revision().publish()
    return obj


@pytest.fixture
def bloc_index(home):
    index = home.add_child(instance=BlocIndexPage(title="Khối thi đua", slug="khoi-thi-dua"))
    return publish(index)


@pytest.fixture
def make_bloc(bloc_index):
    counter = itertools.count(1)

    def make(title=None, live=True):
        number = next(counter)
        page = bloc_index.add_child(
            instance=BlocPage(
                title=title or f"Khối thi đua số {number}", slug=f"khoi-{number}", live=live
            )
        )
        if live:
            return publish(page)
        page.save_revision()
        return page

    return make


@pytest.fixture
def bloc(make_bloc):
    return make_bloc("Khối các cơ quan Quản lý nhà nước về Văn hóa - xã hội thành phố")


@pytest.fixture
def make_agency(locale_vi):
    counter = itertools.count(1)

    def make(name=None, slug=None, live=True, locale=None):
        number = next(counter)
        agency = Agency(
            locale=locale or locale_vi,
            name=name or f"Sở số {number}",
            abbreviation=f"S{number}",
            slug=slug or f"so-{number}",
            live=live,
        )
        agency.save()
        if live:
            return publish(agency)
        agency.save_revision()
        return agency

    return make


@pytest.fixture
def make_award(locale_vi):
    def make(title, year, recipients=(), live=True, **fields):
        award = Award(
            locale=locale_vi,
            kind=fields.pop("kind", Award.Kind.CERTIFICATE_OF_MERIT),
            title=title,
            year=year,
            live=live,
            **fields,
        )
        award.recipients = [AwardRecipient(agency=agency) for agency in recipients]
        award.save()
        if live:
            return publish(award)
        award.save_revision()
        return award

    return make


@pytest.fixture
def make_year(bloc):
    def make(year, members=(), awards=(), live=True, bloc_page=None, **fields):
        bloc_year = BlocYear(bloc=bloc_page or bloc, year=year, live=live, **fields)
        bloc_year.memberships = [
            BlocMembership(agency=agency, role=role, sort_order=order)
            for order, (agency, role) in enumerate(members)
        ]
        bloc_year.awards = [
            BlocYearAward(award=award, sort_order=order) for order, award in enumerate(awards)
        ]
        bloc_year.save()
        if live:
            return publish(bloc_year)
        bloc_year.save_revision()
        return bloc_year

    return make
