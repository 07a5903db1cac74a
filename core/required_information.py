"""What the law asks a state portal to publish (Decree 42/2022/NĐ-CP Art. 4 and 7), as checks.

Each app that holds one of these things answers for it: it registers a function with the
`register_required_information` hook, called with the admin request, that returns a list of
`RequiredInformation`. The admin panel "Thông tin bắt buộc" (editorial) collects them with
`collect()` and shows them in the order of `TOPICS`, whichever app answered.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.utils import timezone
from wagtail import hooks

HOOK_NAME = "register_required_information"
logger = logging.getLogger(__name__)

# The topics in the order the panel lists them (the law's order).
TOPICS = (
    "organisation",
    "functions",
    "leaders",
    "contacts",
    "focal_points",
    "english_versions",
    "legal_documents",
    "work_calendar",
    "public_service_links",
    "emc_code",
)


@dataclass(frozen=True)
class RequiredInformation:
    """One thing the portal must publish and where it stands.

    `present`: it exists (even as a draft); `published`: readers can see it (live, public);
    `updated_at`: its last change, None when unknown; `stale_after`: how old a change may be
    before the panel calls it out of date; `fix_url`: the admin screen that creates or edits
    it; `detail`: a short translated remark ("English version missing").
    """

    topic: str
    label: str
    present: bool
    published: bool
    fix_url: str
    updated_at: datetime | None = None
    stale_after: timedelta = timedelta(days=365)
    detail: str = ""

    def __post_init__(self):
        if self.topic not in TOPICS:
            raise ValueError(f"Unknown required-information topic {self.topic!r}")

    @property
    def up_to_date(self):
        """Changed within `stale_after` (unknown dates count as up to date)."""
        if self.updated_at is None:
            return True
        return timezone.now() - self.updated_at <= self.stale_after

    @property
    def complete(self):
        return self.present and self.published and self.up_to_date


def collect(request, failures=None):
    """Every registered item, in the order of TOPICS, then as the apps listed them.

    A check that raises is logged and left out, so one app's fault does not hide the
    others' answers; the names of the checks that failed are appended to `failures`.
    """
    items = []
    for check in hooks.get_hooks(HOOK_NAME):
        try:
            items.extend(check(request))
        except Exception:
            name = f"{check.__module__}.{check.__qualname__}"
            logger.exception("The required-information check %s failed", name)
            if failures is not None:
                failures.append(name)
    return sorted(items, key=lambda item: TOPICS.index(item.topic))
