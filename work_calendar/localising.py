"""An entry's participants in its week's language.

wagtail-localize copies many-to-many fields as they are (it translates only foreign keys), so
an English week made from a Vietnamese one would list the Vietnamese units and people, and an
editor's chooser may offer either language. Before a week is saved, each participant is
replaced by its published translation in the week's locale where one exists; one without
(or with a draft only, as wagtail-localize makes them) stays as it is rather than vanish
from the week: readers see published units and people only.
"""

from snippets.models import Agency, Person

PARTICIPANT_FIELDS = {"participant_units": Agency, "participant_people": Person}


def localise_participants(week):
    """Point the in-memory entries of `week` at the translations in its locale."""
    entries = list(week.entries.all())
    for field, model in PARTICIPANT_FIELDS.items():
        chosen = [(entry, list(getattr(entry, field).all())) for entry in entries]
        foreign = {
            obj.translation_key
            for _entry, objects in chosen
            for obj in objects
            if obj.locale_id != week.locale_id
        }
        if not foreign:
            continue
        translations = {
            obj.translation_key: obj
            for obj in model.objects.live().filter(
                translation_key__in=foreign, locale_id=week.locale_id
            )
        }
        for entry, objects in chosen:
            localised = [
                translations.get(obj.translation_key, obj)
                if obj.locale_id != week.locale_id
                else obj
                for obj in objects
            ]
            if localised != objects:
                setattr(entry, field, list(dict.fromkeys(localised)))
