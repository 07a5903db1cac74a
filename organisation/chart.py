"""The organisation chart, drawn from the data: the published units below the page's agency,
as a tree, in one query whatever their number (the units with their heads and leaders in
charge joined in). An unpublished unit is left out with everything below it."""

from dataclasses import dataclass, field

from snippets.models import Agency, Person

# A unit deeper than this is left out of the chart (a loop an editor made cannot hang it).
MAX_DEPTH = 12


@dataclass
class Unit:
    """A published unit and its published sub-units, in their order."""

    agency: Agency
    depth: int
    children: list["Unit"] = field(default_factory=list)

    @property
    def head(self):
        return shown_person(self.agency, "head")

    @property
    def supervisor(self):
        return shown_person(self.agency, "supervisor")

    def walk(self):
        """This unit and every unit below it, in the chart's reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


def shown_person(agency, name):
    """The unit's head or leader in charge when published, else None."""
    if getattr(agency, f"{name}_id") is None:
        return None
    person = getattr(agency, name)
    return person if person.live else None


def published_units(locale_id):
    """Every published agency of the language, with its head and leader in charge."""
    return (
        Agency.objects.live()
        .filter(locale_id=locale_id)
        .select_related("head", "supervisor")
        .order_by("sort_order", "name")
    )


def build_tree(root):
    """The chart below `root` (a published agency), or None when it is not published."""
    if root is None or not root.live:
        return None
    by_parent = {}
    for agency in published_units(root.locale_id):
        by_parent.setdefault(agency.parent_id, []).append(agency)
    top = next((a for a in by_parent.get(root.parent_id, []) if a.pk == root.pk), root)
    tree = Unit(top, 0)
    pending = [tree]
    while pending:
        unit = pending.pop()
        if unit.depth >= MAX_DEPTH:
            continue
        unit.children = [Unit(a, unit.depth + 1) for a in by_parent.get(unit.agency.pk, [])]
        pending.extend(unit.children)
    return tree


def units_overseen(tree):
    """{person id: [units they oversee]} over the chart, in its order."""
    overseen = {}
    if tree is not None:
        for unit in tree.walk():
            if unit.agency.supervisor_id is not None:
                overseen.setdefault(unit.agency.supervisor_id, []).append(unit.agency)
    return overseen


def published_person(locale_id, slug):
    return Person.objects.live().filter(locale_id=locale_id, slug=slug).first()
