"""Load data for benchmarks: `manage.py generate_load_content --articles 100000
--legal-documents 100000`.

Adds to the demo world (loaded first if missing) agencies, people, emulation blocs with
their current year, a small pool of images drawn with Pillow, and N news articles and event
reports with realistic Vietnamese titles, leads, bodies, tags and linked agencies, and M
legal documents in the Văn bản section (demo.legal_load). Running it again adds N (and M)
more.

Pages are written in bulk: their tree paths are computed from the section's child count,
and each batch is one insert per table (page, news article, event report, tags, links).
Wagtail's per-page save (revisions, signals, search and reference indexing) would take
hours at 100,000 articles; instead the search index and the reference index are brought up
to date per batch at the end (`--skip-index` leaves them to `manage.py update_index` and
`manage.py rebuild_references_index`). The pages have no revisions: editing one in the
admin creates its first revision from its live content, as for any imported page.
"""

import math
import random
import time
import uuid
from collections import defaultdict
from datetime import timedelta
from itertools import cycle

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import Page, ReferenceIndex
from wagtail.search.backends import get_search_backend

from articles.models import (
    ArticleAgency,
    ArticleIndexPage,
    EventAgency,
    EventOfficial,
    EventReportPage,
    NewsArticlePage,
    NewsArticleTag,
)
from blocs.models import BlocIndexPage, BlocMembership, BlocPage, BlocYear
from core import fragments
from core.internals import child_page_path, insert_own_rows
from demo.content import DemoContent
from demo.ensure import ensure_image, ensure_snippet
from demo.legal import LegalDemo
from demo.legal_load import LegalLoad
from demo.news_data import SCENE_ALT
from demo.progress import ProgressBar
from demo.scenes import SCENES
from demo.vocabulary import (
    AGENCY_NAMES,
    AUTHORS,
    BLOC_NAMES,
    GIVEN_NAMES,
    IMAGE_TITLE,
    MIDDLE_NAMES,
    MOTTOS,
    POSITIONS,
    SURNAMES,
    TAGS,
    VENUES,
    article_texts,
    ascii_slug,
    body_json,
)
from legal_documents.models import LegalDocumentPage
from snippets.models import Agency, Person


class Command(BaseCommand):
    help = (
        "Create realistic Vietnamese load data: N articles and event reports, with "
        "agencies, blocs and images."
    )

    def add_arguments(self, parser):
        parser.add_argument("--articles", type=int, default=0, help="articles to add")
        parser.add_argument(
            "--legal-documents", type=int, default=0, help="legal documents (Văn bản) to add"
        )
        parser.add_argument(
            "--event-share",
            type=float,
            default=0.3,
            help="share of the articles that are event reports (default 0.3)",
        )
        parser.add_argument("--agencies", type=int, default=len(AGENCY_NAMES))
        parser.add_argument("--blocs", type=int, default=6)
        parser.add_argument("--images", type=int, default=24, help="size of the image pool")
        parser.add_argument("--batch-size", type=int, default=2000)
        parser.add_argument("--seed", type=int, default=2024, help="random seed")
        parser.add_argument(
            "--skip-index",
            action="store_true",
            help="leave the search and reference indexes to update_index and "
            "rebuild_references_index",
        )

    def handle(self, *args, **options):
        count, legal_count = options["articles"], options["legal_documents"]
        if count < 0 or legal_count < 0 or count + legal_count < 1:
            raise CommandError("Give --articles or --legal-documents, at least 1.")
        if not 0 <= options["event_share"] <= 1:
            raise CommandError("--event-share must be between 0 and 1.")
        if not 1 <= options["agencies"] <= len(AGENCY_NAMES):
            raise CommandError(f"--agencies must be between 1 and {len(AGENCY_NAMES)}.")
        if not 1 <= options["blocs"] <= len(BLOC_NAMES):
            raise CommandError(f"--blocs must be between 1 and {len(BLOC_NAMES)}.")
        self.random = random.Random(options["seed"])
        self.created = 0
        started = time.monotonic()

        demo = DemoContent().load()
        self.locale = demo.locale_vi
        self.news_index = ArticleIndexPage.objects.get(pk=demo.news_index.pk)
        self.agencies = self.ensure_agencies(options["agencies"])
        self.people = self.ensure_people()
        self.bloc_years = self.ensure_blocs(options["blocs"], demo)
        self.images = [
            ensure_image(IMAGE_TITLE.format(n), SCENE_ALT[scene][0], seed=500 + n, scene=scene)
            for n, scene in zip(range(1, options["images"] + 1), cycle(SCENES), strict=False)
        ]
        self.tags = [Tag.objects.get_or_create(name=name)[0] for name in TAGS]

        created_ids = self.add_articles(count, options) if count else {}
        if legal_count:
            legal = LegalLoad(LegalDemo(demo).prepare(), self.random, self.agencies, self.people)
            created_ids[LegalDocumentPage] = legal.create(
                legal_count, options["batch_size"], self.stderr
            )

        if options["skip_index"]:
            self.stdout.write(
                "Search and reference indexes not updated: run `manage.py update_index` and "
                "`manage.py rebuild_references_index`, then ANALYZE."
            )
        else:
            self.update_indexes(created_ids, self.stderr, options["batch_size"])
        # Fresh planner statistics, the search index's included (autovacuum may be off or not
        # yet run): without them PostgreSQL sorts whole tables for listings, and misjudges a
        # common word's matches by a factor of 40 (seconds per search at 100,000 articles).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        # Bulk inserts send no signals: the cached listing counts and menus are stale.
        fragments.invalidate()
        total = NewsArticlePage.objects.filter(locale=self.locale).count()
        legal_total = LegalDocumentPage.objects.filter(locale=self.locale).count()
        self.stdout.write(
            f"Added {count:,} articles and {legal_count:,} legal documents in "
            f"{time.monotonic() - started:,.1f} s; {total:,} Vietnamese articles and "
            f"{legal_total:,} Vietnamese legal documents in all."
        )

    def add_articles(self, count, options):
        progress = ProgressBar(self.stderr, count, "articles")
        created_ids = {NewsArticlePage: [], EventReportPage: []}
        done = 0
        while done < count:
            size = min(options["batch_size"], count - done)
            for model, ids in self.create_batch(size, options["event_share"]).items():
                created_ids[model].extend(ids)
            done += size
            progress.update(done)
        progress.finish()
        return created_ids

    # Reference data --------------------------------------------------------------------------

    def ensure_agencies(self, number):
        agencies = []
        for name, abbreviation in AGENCY_NAMES[:number]:
            agencies.append(
                ensure_snippet(
                    Agency,
                    self.locale,
                    ascii_slug(name),
                    name=name,
                    short_name=name.replace("Ủy ban nhân dân", "UBND"),
                    abbreviation=abbreviation,
                )
            )
        return agencies

    def ensure_people(self):
        people = []
        for number, agency in enumerate(self.agencies):
            name = (
                f"{SURNAMES[number % len(SURNAMES)]} {MIDDLE_NAMES[number % len(MIDDLE_NAMES)]} "
                f"{GIVEN_NAMES[number % len(GIVEN_NAMES)]}"
            )
            people.append(
                ensure_snippet(
                    Person,
                    self.locale,
                    f"{ascii_slug(name)}-{agency.slug}"[:120],
                    name=name,
                    position=POSITIONS[number % len(POSITIONS)],
                    agency=agency,
                )
            )
        return people

    def ensure_blocs(self, number, demo):
        index = BlocIndexPage.objects.filter(locale=self.locale).first()
        year = timezone.localdate().year
        bloc_years = list(BlocYear.objects.filter(locale=self.locale, live=True))
        for position, name in enumerate(BLOC_NAMES[:number]):
            slug = ascii_slug(name)
            bloc = index.get_children().filter(slug=slug).first()
            if bloc is None:
                bloc = index.add_child(instance=BlocPage(title=name, slug=slug, short_name=name))
                bloc.save_revision().publish()
            if BlocYear.objects.filter(bloc=bloc, year=year, locale=self.locale).exists():
                continue
            members = self.agencies[position::number] or self.agencies[:3]
            bloc_year = BlocYear(
                bloc=bloc, year=year, locale=self.locale, motto=MOTTOS[position % len(MOTTOS)]
            )
            bloc_year.memberships = [
                BlocMembership(
                    agency=agency,
                    role=BlocMembership.Role.HEAD if order == 0 else BlocMembership.Role.MEMBER,
                    sort_order=order,
                )
                for order, agency in enumerate(members)
            ]
            bloc_year.save()
            bloc_year.save_revision().publish()
            bloc_years.append(bloc_year)
        return bloc_years

    # Articles --------------------------------------------------------------------------------

    @transaction.atomic
    def create_batch(self, size, event_share):
        """`size` articles under the news section, in one insert per table."""
        index = ArticleIndexPage.objects.select_for_update().get(pk=self.news_index.pk)
        pages, specifics = self.page_rows(index, size, event_share)
        Page.objects.bulk_create(pages)
        rows = defaultdict(list)
        ids = {NewsArticlePage: [], EventReportPage: []}
        for page, (model, agency, lead, image, published) in zip(pages, specifics, strict=True):
            ids[model].append(page.pk)
            self.add_article_rows(rows, page, agency, lead, image, published)
            if model is EventReportPage:
                self.add_event_rows(rows, page, published)
        # Django's bulk_create refuses multi-table models: insert each table's own columns.
        insert_own_rows(NewsArticlePage, rows[NewsArticlePage])
        insert_own_rows(EventReportPage, rows[EventReportPage])
        for model in (NewsArticleTag, ArticleAgency, EventAgency, EventOfficial):
            model.objects.bulk_create(rows[model])
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + size)
        return ids

    def page_rows(self, index, size, event_share):
        """The batch's `Page` rows, and for each (model, agency, lead, image, published)."""
        now = timezone.now()
        content_types = {
            model: ContentType.objects.get_for_model(model)
            for model in (NewsArticlePage, EventReportPage)
        }
        pages, specifics = [], []
        for offset in range(size):
            number = index.numchild + offset + 1
            # Exactly `event_share` of the articles are event reports, the first one included.
            self.created += 1
            is_event = math.ceil(self.created * event_share) > math.ceil(
                (self.created - 1) * event_share
            )
            model = EventReportPage if is_event else NewsArticlePage
            agency, title, lead = article_texts(self.random, self.agencies)
            slug = f"{ascii_slug(title)}-{number}"
            # Newest first in creation order: spread over the last five years.
            published = now - timedelta(minutes=self.random.randint(0, 5 * 365 * 24 * 60))
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=child_page_path(index, number),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_types[model],
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    latest_revision_created_at=published,
                    locale_id=self.locale.pk,
                    translation_key=uuid.uuid4(),
                )
            )
            image = self.random.choice(self.images) if self.random.random() < 0.9 else None
            specifics.append((model, agency, lead, image, published))
        return pages, specifics

    def add_article_rows(self, rows, page, agency, lead, image, published):
        """The article's own row, its tags and its agency, added to `rows` by model."""
        rows[NewsArticlePage].append(
            NewsArticlePage(
                page_ptr_id=page.pk,
                lead=lead,
                hero_image=image,
                hero_caption=image.description if image else "",
                body=body_json(self.random, self.random.choice(self.images)),
                author=self.random.choice(AUTHORS),
                date=published,
                featured=self.random.random() < 0.02,
            )
        )
        for tag in self.random.sample(self.tags, self.random.randint(1, 3)):
            rows[NewsArticleTag].append(NewsArticleTag(content_object_id=page.pk, tag=tag))
        rows[ArticleAgency].append(
            ArticleAgency(
                page_id=page.pk,
                agency=agency,
                sort_order=0,
                locale_id=self.locale.pk,
                translation_key=uuid.uuid4(),
            )
        )

    def add_event_rows(self, rows, page, published):
        """An event report's own row, its participating agencies and its presiding official."""
        start = published - timedelta(days=1, hours=self.random.randint(1, 8))
        rows[EventReportPage].append(
            EventReportPage(
                newsarticlepage_ptr_id=page.pk,
                page_ptr_id=page.pk,
                event_start=start,
                event_end=start + timedelta(hours=3),
                venue=self.random.choice(VENUES),
                bloc_term=self.random.choice(self.bloc_years) if self.bloc_years else None,
            )
        )
        participants = self.random.sample(self.agencies, min(3, len(self.agencies)))
        for order, other in enumerate(participants):
            rows[EventAgency].append(
                EventAgency(
                    page_id=page.pk,
                    agency=other,
                    sort_order=order,
                    locale_id=self.locale.pk,
                    translation_key=uuid.uuid4(),
                )
            )
        rows[EventOfficial].append(
            EventOfficial(
                page_id=page.pk,
                person=self.random.choice(self.people),
                role="chủ trì",
                presided=True,
                sort_order=0,
                locale_id=self.locale.pk,
                translation_key=uuid.uuid4(),
            )
        )

    # Indexes ---------------------------------------------------------------------------------

    def update_indexes(self, created_ids, stream, batch_size):
        backend = get_search_backend()
        total = sum(len(ids) for ids in created_ids.values())
        progress = ProgressBar(stream, total, "search and reference indexes")
        done = 0
        for model, ids in created_ids.items():
            for start in range(0, len(ids), batch_size):
                chunk = list(
                    model.objects.filter(pk__in=ids[start : start + batch_size]).prefetch_related(
                        *indexed_relations(model)
                    )
                )
                backend.add_bulk(model, chunk)
                for page in chunk:
                    ReferenceIndex.create_or_update_for_object(page)
                done += len(chunk)
                progress.update(done)
        progress.finish()


def indexed_relations(model):
    """The relations that `model`'s search text reads, to prefetch for a batch of pages."""
    relations = (
        "tags",
        "related_agencies__agency",
        "related_people__person__agency",
        "officials__person__agency",
        "participating_agencies__agency",
    )
    return [relation for relation in relations if hasattr(model, relation.split("__")[0])]
