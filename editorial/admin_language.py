"""Admin text that Wagtail and wagtail-localize leave in English whatever the language.

Each of these is built where no catalogue can reach it, so `connect()` sets it in place:

- the translation editor's props carry the source's last publication date and each
  segment's "Translated manually on <date>" formatted with a fixed `strftime` pattern
  ("%-d %B %Y": "4 December 2026"), shown as they are; the view and the models read the
  pattern from their module's `DATE_FORMAT`, set here to the admin's date format
  (WAGTAIL_DATE_FORMAT, "04/12/2026", free of month names);
- the translations report's locale filters have no label, so django-filter derives
  "Source locale" and "Target locale" from their names;
- its item count ("25 translations") and the page search's ("1-3 of 3 None") come from a
  model with no verbose name and from a view with none.

Template strings Wagtail never marks for translation are fixed by overriding those
templates in site/templates/wagtailadmin/ (tests/editorial/test_admin_screens.py keeps each
override equal to Wagtail's template but for the marked strings).
"""

from django.conf import settings
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.paginator import WagtailPaginator


class TranslationsPaginator(WagtailPaginator):
    @cached_property
    def verbose_name(self):
        return _("translation")

    @cached_property
    def verbose_name_plural(self):
        return _("translations")


def connect():
    from wagtail.admin.views.pages.search import SearchView
    from wagtail_localize import models
    from wagtail_localize.views import edit_translation, report

    edit_translation.DATE_FORMAT = settings.WAGTAIL_DATE_FORMAT
    models.DATE_FORMAT = settings.WAGTAIL_DATE_FORMAT
    filters = report.TranslationsReportFilterSet.base_filters
    filters["source_locale"].label = _("Source language")
    filters["target_locale"].label = _("Target language")
    report.TranslationsReportView.paginator_class = TranslationsPaginator
    SearchView.verbose_name = _("page")
    SearchView.verbose_name_plural = _("pages")
