"""Emulation blocs (khối thi đua): named groups of agencies and what each year brings them.

The public side is made of pages, so that blocs get URLs, previews, menus, the pages API
and wagtail-localize's page translation: a `BlocIndexPage` ("Khối thi đua") lists the
`BlocPage`s, and also serves a profile page per agency (`don-vi/<slug>/` in Vietnamese,
`agencies/<slug>/` in English).

The yearly data is relational and lives in `BlocYear`, one snippet per bloc and year,
edited on its own admin screen with inline rows:

- `BlocMembership`: the member agencies, each with its role (head, deputy head, member).
  The head and deputy heads are roles of member rows, so they are members by construction;
- the covenant (giao ước thi đua): motto, signing date, signing event report, document;
- the review: the leading unit, `BlocYearExceededTarget` rows (units that exceeded their
  targets) and `BlocYearAward` rows (the awards conferred for that year).

Each `BlocYear` and its rows are translatable: wagtail-localize maps their agencies and
awards to their translations. A year belongs to a bloc *across languages*: it is found by
the bloc page's `translation_key` and the year's own locale, so a translated year still
belongs to its bloc whichever language version of the bloc page its `bloc` points at.

Blocs sit below articles in the layers: nothing here imports `articles`. Event reports
link to a `BlocYear` from their side (`EventReportPage.bloc_term`, reverse name
`event_reports`), and the signing report is a plain page link limited to event reports.
Modules: `pages` (the bloc index with the agency profiles, the bloc pages), `years` (the
years and their rows), `queries` (the public queries: published data only).
"""

from .pages import BlocIndexPage, BlocPage, agency_linker
from .queries import attach_years, current_year, published_years
from .years import (
    SIGNING_REPORT_PAGE_TYPE,
    BlocMembership,
    BlocYear,
    BlocYearAward,
    BlocYearExceededTarget,
)

__all__ = [
    "SIGNING_REPORT_PAGE_TYPE",
    "BlocIndexPage",
    "BlocMembership",
    "BlocPage",
    "BlocYear",
    "BlocYearAward",
    "BlocYearExceededTarget",
    "agency_linker",
    "attach_years",
    "current_year",
    "published_years",
]
