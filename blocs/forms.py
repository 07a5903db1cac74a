"""The admin form of a bloc year: the rules an editor's entry must follow, with clear messages.

- one entry per bloc and year (in a language);
- one head per year; the head and deputy heads are roles of member rows, so they are members;
- an agency at most once among the members, and once among the units that exceeded targets;
- when the member list is complete, the leading unit and the units that exceeded their
  targets are among the members;
- an award at most once, and only an award for this year;
- the covenant is signed during the year or the year before; its report is an event report;
- agencies and awards are chosen in the language of the entry.

The rules that span rows are checked here rather than in each formset, so that every
message can name the agencies involved, and the admin shows the whole list at the top.
"""

from django.forms.formsets import DELETION_FIELD_NAME
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from .models import SIGNING_REPORT_PAGE_TYPE, BlocMembership, BlocYear

MESSAGES = {
    "duplicate_year": _(
        "This bloc already has an entry for %(year)s. Edit that entry instead of adding another."
    ),
    "one_head": _(
        "A bloc has one head per year, but these agencies are all marked as head: "
        "%(agencies)s. Keep one head and make the others deputy heads or members."
    ),
    "not_the_only_head": _("Only one agency can be the head."),
    "duplicate_member": _(
        "%(agency)s is listed more than once among the members. An agency is listed once "
        "per year, with a single role."
    ),
    "duplicate_row": _("This agency is already listed above."),
    "leading_unit_not_member": _(
        "The leading unit, %(agency)s, is not among this year's members. Add it to the members, "
        "or untick “the member list is complete”."
    ),
    "exceeded_not_member": _(
        "%(agency)s, listed among the units that exceeded their targets, is not among this "
        "year's members. Add it to the members, or untick “the member list is complete”."
    ),
    "not_a_member": _("This agency is not among this year's members."),
    "duplicate_exceeded": _(
        "%(agency)s is listed more than once among the units that exceeded their targets."
    ),
    "duplicate_award": _("%(award)s is listed more than once among the awards."),
    "duplicate_award_row": _("This award is already listed above."),
    "award_year": _("“%(award)s” is an award for %(award_year)s, not for %(year)s."),
    "signed_on_year": _(
        "A covenant for %(year)s is signed during %(year)s or at the end of the year before."
    ),
    "signing_report_type": _("Choose an event report."),
    "wrong_language": _("Choose the version of “%(name)s” in the language of this entry."),
}


class BlocYearForm(WagtailAdminModelForm):
    def clean(self):
        cleaned_data = super().clean()
        year = cleaned_data.get("year")
        self.check_one_entry_per_year(cleaned_data.get("bloc"), year)
        self.check_covenant(year, cleaned_data.get("covenant_signed_on"))
        members = self.check_members()
        self.check_review(members, cleaned_data.get("members_complete"))
        self.check_awards(year)
        return cleaned_data

    # Helpers ----------------------------------------------------------------------------

    def rows(self, relation):
        """The kept rows of an inline formset, validated, with their chosen values."""
        formset = self.formsets.get(relation)
        if formset is None:
            return []
        formset.is_valid()  # validates each row once, so that its cleaned data can be read
        return [
            form
            for form in formset.forms
            if getattr(form, "cleaned_data", None)
            and not form.cleaned_data.get(DELETION_FIELD_NAME)
        ]

    def fail(self, key, params, row=None, field=None, row_key=None):
        """Report an error at the top of the form, and on the row's field it is about."""
        self.add_error(None, MESSAGES[key] % params)
        if row is not None:
            row.add_error(field, MESSAGES[row_key] if row_key else MESSAGES[key] % params)

    def in_language(self, obj, row=None, field=None):
        """False (after saying so) when `obj` is in another language than this entry."""
        locale_id = self.instance.locale_id
        if obj is None or locale_id is None or obj.locale_id == locale_id:
            return True
        if row is None:
            self.add_error(field, MESSAGES["wrong_language"] % {"name": obj})
        else:
            self.fail("wrong_language", {"name": obj}, row, field)
        return False

    # Rules ------------------------------------------------------------------------------

    def check_one_entry_per_year(self, bloc, year):
        if bloc is None or year is None:
            return
        taken = (
            BlocYear.objects.filter(
                bloc__translation_key=bloc.translation_key,
                year=year,
                locale_id=self.instance.locale_id,
            )
            .exclude(pk=self.instance.pk)
            .exists()
        )
        if taken:
            self.add_error("year", MESSAGES["duplicate_year"] % {"year": year})

    def check_covenant(self, year, signed_on):
        if year and signed_on and signed_on.year not in (year - 1, year):
            self.add_error("covenant_signed_on", MESSAGES["signed_on_year"] % {"year": year})
        report = self.cleaned_data.get("signing_report")
        if report is not None:
            content_type = report.content_type
            if f"{content_type.app_label}.{content_type.model}" != SIGNING_REPORT_PAGE_TYPE.lower():
                self.add_error("signing_report", MESSAGES["signing_report_type"])

    def check_members(self):
        """Check the member rows; return the ids of the member agencies."""
        seen = set()
        heads = []
        for row in self.rows("memberships"):
            agency = row.cleaned_data.get("agency")
            if agency is None or not self.in_language(agency, row, "agency"):
                continue
            if agency.pk in seen:
                self.fail("duplicate_member", {"agency": agency}, row, "agency", "duplicate_row")
                continue
            seen.add(agency.pk)
            if row.cleaned_data.get("role") == BlocMembership.Role.HEAD:
                heads.append((row, agency))
        if len(heads) > 1:
            self.add_error(
                None,
                MESSAGES["one_head"] % {"agencies": ", ".join(str(agency) for _, agency in heads)},
            )
            for row, _agency in heads[1:]:
                row.add_error("role", MESSAGES["not_the_only_head"])
        return seen

    def check_review(self, members, members_complete):
        must_be_members = bool(members_complete and members)
        leading_unit = self.cleaned_data.get("leading_unit")
        if (
            leading_unit is not None
            and self.in_language(leading_unit, field="leading_unit")
            and must_be_members
            and leading_unit.pk not in members
        ):
            self.add_error(None, MESSAGES["leading_unit_not_member"] % {"agency": leading_unit})
            self.add_error("leading_unit", MESSAGES["not_a_member"])
        seen = set()
        for row in self.rows("exceeded_targets"):
            agency = row.cleaned_data.get("agency")
            if agency is None or not self.in_language(agency, row, "agency"):
                continue
            if agency.pk in seen:
                self.fail("duplicate_exceeded", {"agency": agency}, row, "agency", "duplicate_row")
            elif must_be_members and agency.pk not in members:
                self.fail("exceeded_not_member", {"agency": agency}, row, "agency", "not_a_member")
            seen.add(agency.pk)

    def check_awards(self, year):
        seen = set()
        for row in self.rows("awards"):
            award = row.cleaned_data.get("award")
            if award is None or not self.in_language(award, row, "award"):
                continue
            if award.pk in seen:
                self.fail("duplicate_award", {"award": award}, row, "award", "duplicate_award_row")
            elif year and award.year != year:
                params = {"award": award.title, "award_year": award.year, "year": year}
                self.fail("award_year", params, row, "award")
            seen.add(award.pk)
