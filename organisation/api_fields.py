"""The organisation chart in the API: the page's `chart` field, a nested list a consumer can
draw the chart from (the same data and order as the page's)."""

from rest_framework.fields import Field

UNIT_KEYS = ("id", "name", "abbreviation", "slug", "kind", "address", "phone", "email")


def person_summary(person):
    if person is None:
        return None
    return {
        "id": person.pk,
        "name": person.name,
        "position": person.position,
        "official_email": person.official_email,
        "phone": person.phone,
    }


def unit_data(unit, page, request):
    agency = unit.agency
    data = {key: getattr(agency, "pk" if key == "id" else key) for key in UNIT_KEYS}
    url = page.get_full_url(request)
    if url and unit.depth:
        url += page.reverse_subpage("unit", kwargs={"slug": agency.slug}).lstrip("/")
    data.update(
        html_url=url or None,
        head=person_summary(unit.head),
        supervisor=person_summary(unit.supervisor),
        children=[unit_data(child, page, request) for child in unit.children],
    )
    return data


class OrganisationChartField(Field):
    """The page's agency and its published units below, nested; null without an agency."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        tree = page.chart
        return unit_data(tree, page, self.context.get("request")) if tree else None

    def openapi_schema(self, builder, model):
        text = {"type": "string"}
        person = builder.component(
            "OrganisationPerson",
            {
                "type": "object",
                "additionalProperties": False,
                "required": ["id", "name", "position", "official_email", "phone"],
                "properties": {
                    "id": {"type": "integer"},
                    "name": text,
                    "position": text,
                    "official_email": text,
                    "phone": text,
                },
            },
        )
        unit = builder.component(
            "OrganisationUnit",
            {
                "type": "object",
                "additionalProperties": False,
                "description": "A unit of the organisation chart and its sub-units, in order.",
                "required": [*UNIT_KEYS, "html_url", "head", "supervisor", "children"],
                "properties": {
                    "id": {"type": "integer"},
                    **{key: dict(text) for key in UNIT_KEYS[1:]},
                    "html_url": builder.nullable(builder.url()),
                    "head": builder.nullable(person),
                    "supervisor": builder.nullable(person),
                    "children": {"type": "array", "items": builder.ref("OrganisationUnit")},
                },
            },
        )
        return builder.nullable(unit)
