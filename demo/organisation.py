"""The demo's "Giới thiệu" section: the department's functions and history, its eight units
with their functions, contacts and heads, the director and three deputies with portraits
drawn here (a silhouette and initials; nothing downloaded), their areas, units overseen
and posts held, the focal points, and all of it in English.

Loaded by `load_demo_content` after the legal demo, which already made two of the leaders
as signers: everything is looked up by slug (or by translation) and only what is missing is
made or filled in, so running it again changes nothing an editor changed.
"""

import io
from datetime import date
from functools import lru_cache

from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Locale

from core.text import fold
from editorial.uploads import checked_image_file
from organisation.models import FocalPoint, OrganisationLeader, OrganisationPage
from snippets.models import Agency, Person, PersonPosition

from . import department
from . import organisation_data as data
from .ensure import ensure_child_page, ensure_snippet, publish

COLOURS = [(120, 30, 30), (30, 70, 120), (40, 100, 70), (110, 80, 30)]


@lru_cache(maxsize=16)
def draw_portrait(initials, seed):
    """A portrait placeholder: a light silhouette on a plain ground, the initials below."""
    width, height = 480, 600
    image = PILImage.new("RGB", (width, height), COLOURS[seed % len(COLOURS)])
    draw = ImageDraw.Draw(image)
    figure = (235, 228, 220)
    draw.ellipse([165, 110, 315, 280], fill=figure)
    draw.rounded_rectangle([80, 300, 400, 620], radius=150, fill=figure)
    font = ImageFont.load_default(size=72)
    draw.text((width / 2, 450), initials, fill=COLOURS[seed % len(COLOURS)], font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=88)
    return buffer.getvalue()


def ensure_portrait(name, seed):
    image_model = get_image_model()
    title = f"Chân dung {name}"
    image = image_model.objects.filter(title=title).first()
    if image is None:
        # The default font has no "Đ": the initials are drawn without diacritics.
        initials = fold("".join(word[0] for word in name.split()[-2:])).upper()
        image = image_model(title=title, description=f"Ảnh chân dung {name}")
        image.file = checked_image_file(draw_portrait(initials, seed), name=f"chan-dung-{seed}.jpg")
        image.save()
    return image


def fill(obj, **fields):
    """Set the fields that are empty, and publish the object when any was."""
    changed = False
    for name, value in fields.items():
        if value not in (None, "") and getattr(obj, name) in (None, "", 0):
            setattr(obj, name, value)
            changed = True
    if changed or obj.pk is None:
        obj.save()
        publish(obj)
    return obj


def translation_of(obj, locale):
    """The object's version in `locale`, made as a copy when missing (saved, not published)."""
    if obj is None:
        return None
    copy = obj.get_translation_or_none(locale)
    if copy is None:
        copy = obj.copy_for_translation(locale)
        copy.save()
    return copy


class OrganisationDemo:
    """Builds the section on a loaded `DemoContent`; `load()` and `load_english()` are
    idempotent."""

    def __init__(self, demo):
        self.demo = demo
        self.locale = demo.locale_vi

    def load(self):
        self.department = fill(
            self.demo.agencies[department.DEPARTMENT_SLUG],
            address=data.ADDRESS,
            functions=data.rich_text(data.FUNCTIONS[:1]),
            **data.DEPARTMENT_CONTACT,
        )
        self.units = self.ensure_units()
        self.people = self.ensure_leaders()
        self.people.update(self.ensure_heads())
        for slug, unit in self.units.items():
            spec = data.UNITS[slug]
            fill(unit, head=self.people[spec[0]], supervisor=self.people[spec[4]])
        self.page = self.ensure_page()
        return self

    def ensure_units(self):
        units = {}
        for order, (slug, name, _english, kind) in enumerate(department.UNITS):
            _head, _name, _t, _te, _sup, room, phone, email, functions, _fe = data.UNITS[slug]
            unit = ensure_snippet(Agency, self.locale, slug, name=name, kind=kind)
            units[slug] = fill(
                unit,
                parent=self.department,
                sort_order=(order + 1) * 10,
                address=f"{room}, {data.ADDRESS}",
                phone=phone,
                email=email,
                functions=f"<p>{functions}</p>",
            )
        return units

    def ensure_leaders(self):
        people = {}
        for seed, (slug, name, position, _english, _role) in enumerate(department.LEADERS):
            email, phone, areas, _areas_en = data.LEADERS[slug]
            person = ensure_snippet(
                Person, self.locale, slug, name=name, position=position, agency=self.department
            )
            if not person.positions.exists():
                first, now = data.POSTS_FROM[slug]
                science = self.units["phong-quan-ly-khoa-hoc"]
                person.positions = [
                    PersonPosition(title=data.FORMER_POST[0], agency=science,
                                   start_date=date(first, 1, 1), end_date=date(now - 1, 12, 31)),
                    PersonPosition(title=position, agency=self.department,
                                   start_date=date(now, 1, 1)),
                ]  # fmt: skip
                person.save()
            people[slug] = fill(
                person,
                official_email=email,
                phone=phone,
                responsibilities=data.items(areas),
                photo=ensure_portrait(name, seed),
            )
        return people

    def ensure_heads(self):
        heads = {}
        for slug, (head, name, title, *_rest) in data.UNITS.items():
            unit = self.units[slug]
            person = ensure_snippet(
                Person, self.locale, head, name=name, position=title, agency=unit
            )
            heads[head] = fill(person, official_email=unit.email, phone=unit.phone)
        return heads

    def ensure_page(self):
        home = self.demo.home
        existing = home.get_children().filter(slug=data.PAGE_SLUG).first()
        if existing is not None:
            return existing.specific
        leaders = [
            OrganisationLeader(person=self.people[slug], role=role)
            for slug, _name, _position, _english, role in department.LEADERS
        ]
        focal_points = [
            FocalPoint(person=self.people[slug], role=role, phone=phone, email=email)
            for slug, role, _english, phone, email in data.FOCAL_POINTS
        ]
        page = ensure_child_page(
            home,
            OrganisationPage,
            data.PAGE_SLUG,
            title=data.PAGE_TITLE,
            agency=self.department,
            functions=data.rich_text(data.FUNCTIONS),
            history=data.rich_text(data.HISTORY),
            show_in_menus=True,
            leaders=leaders,
            focal_points=focal_points,
        )
        first = home.get_children().first()
        if first is not None and first.pk != page.pk:
            page.move(first, pos="left")
        return OrganisationPage.objects.get(pk=page.pk)

    # English -------------------------------------------------------------------------------

    def load_english(self):
        """Every unit, person and the page in English (after the English home page)."""
        locale = Locale.objects.get(language_code="en")
        self.en = {"locale": locale}
        department_en = fill(
            translation_of(self.department, locale),
            address=data.ADDRESS_EN,
            functions=data.rich_text(data.FUNCTIONS[:1], english=True),
            **data.DEPARTMENT_CONTACT,
        )
        units = {}
        for slug, _name, english, _kind in department.UNITS:
            functions_en = data.UNITS[slug][9]
            unit = translation_of(self.units[slug], locale)
            if unit.name == self.units[slug].name:
                unit.name, unit.functions = english, f"<p>{functions_en}</p>"
                unit.address = f"{data.UNITS[slug][5]}, {data.ADDRESS_EN}"
                unit.parent, unit.head, unit.supervisor = department_en, None, None
                unit.save()
            units[slug] = unit
        people = {slug: self.translate_person(slug, locale, units) for slug in self.people}
        for slug, unit in units.items():
            spec = data.UNITS[slug]
            fill(unit, head=people[spec[0]], supervisor=people[spec[4]])
        self.page_en = self.translate_page(locale, department_en, people)
        return self

    def english_titles(self, slug):
        """(current English title, {Vietnamese title: English}) of a person."""
        leaders = {row[0]: row[3] for row in department.LEADERS}
        if slug in leaders:
            return leaders[slug], {data.FORMER_POST[0]: data.FORMER_POST[1]}
        return next(spec[3] for spec in data.UNITS.values() if spec[0] == slug), {}

    def translate_person(self, slug, locale, units):
        source = self.people[slug]
        person = translation_of(source, locale)
        if person.positions.exists() and person.position != source.position:
            return person  # translated already (or by an editor)
        title, former = self.english_titles(slug)
        person.position = title
        person.agency = (person.agency and person.agency.get_translation_or_none(locale)) or None
        areas = data.LEADERS.get(slug, (None, None, None, None))[3]
        person.responsibilities = data.items(areas) if areas else ""
        person.official_email, person.phone = source.official_email, source.phone
        person.photo = source.photo
        person.positions = [
            PersonPosition(
                title=former.get(post.title, title),
                agency=post.agency.get_translation_or_none(locale) if post.agency else None,
                start_date=post.start_date,
                end_date=post.end_date,
                locale=locale,
            )
            for post in source.positions.all()
        ]
        person.save()
        return publish(person)

    def translate_page(self, locale, department_en, people):
        existing = self.page.get_translation_or_none(locale)
        if existing is not None:
            return existing
        page = self.page.copy_for_translation(locale)
        page.slug, page.title, page.draft_title = (
            data.PAGE_SLUG_EN,
            data.PAGE_TITLE_EN,
            data.PAGE_TITLE_EN,
        )
        page.agency = department_en
        page.functions = data.rich_text(data.FUNCTIONS, english=True)
        page.history = data.rich_text(data.HISTORY, english=True)
        leaders = list(page.leaders.all())
        for row in leaders:
            row.person = people[row.person.slug]
        roles = {slug: english for slug, _vi, english, _phone, _email in data.FOCAL_POINTS}
        focal_points = list(page.focal_points.all())
        for row in focal_points:
            row.role = roles.get(row.person.slug, row.role)
            row.person = people[row.person.slug]
        page.leaders, page.focal_points = leaders, focal_points
        page.save()
        return publish(page)
