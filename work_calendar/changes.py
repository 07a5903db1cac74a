"""Marking the entries changed or added since a week was last published.

Publishing saves the week and modelcluster re-saves every entry, so nothing an entry carries
(an `auto_now` field) tells what changed. Before the save, the database still holds the week
as last published: each entry about to be saved is compared with its row there. An entry
that is new is "added" (lịch bổ sung), one whose fields differ is "changed"; both get the time
of the change and a new iCalendar SEQUENCE. Unchanged entries keep their marks.
"""

from django.utils import timezone

# What a reader sees of an entry: a difference in any of these is a change.
COMPARED_FIELDS = (
    "date",
    "start_time",
    "end_time",
    "content",
    "venue",
    "presider_id",
    "participants_text",
    "preparer",
)


def _signature(entry, units, people):
    return (*(getattr(entry, name) for name in COMPARED_FIELDS), units, people)


def _ids(manager):
    return frozenset(obj.pk for obj in manager.all())


def mark_changes(week):
    """Set the marks of `week`'s in-memory entries against the rows last published."""
    from .models import WorkEntry

    previous = {
        entry.pk: entry
        for entry in WorkEntry.objects.filter(week_id=week.pk).prefetch_related(
            "participant_units", "participant_people"
        )
    }
    was_published = type(week).objects.filter(pk=week.pk, live=True).exists()
    now = timezone.now()
    for entry in week.entries.all():
        before = previous.get(entry.pk)
        units, people = _ids(entry.participant_units), _ids(entry.participant_people)
        if before is None:
            entry.change = WorkEntry.Change.ADDED if was_published else WorkEntry.Change.NONE
            entry.changed_at = now if was_published else None
            entry.modified_at, entry.sequence = now, 0
            continue
        old = _signature(before, _ids(before.participant_units), _ids(before.participant_people))
        if old == _signature(entry, units, people):
            entry.change, entry.changed_at = before.change, before.changed_at
            entry.modified_at, entry.sequence = before.modified_at or now, before.sequence
            continue
        entry.change = WorkEntry.Change.CHANGED if was_published else WorkEntry.Change.NONE
        entry.changed_at = now if was_published else None
        entry.modified_at, entry.sequence = now, before.sequence + 1
        if before.change == WorkEntry.Change.ADDED and was_published:
            entry.change = WorkEntry.Change.ADDED
