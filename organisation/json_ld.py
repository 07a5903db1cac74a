"""What the organisation page adds to the portal's schema.org GovernmentOrganization (the
name, address and contact points come from the portal's settings, home.portal_settings): its
units as `subOrganization`, each with its own contacts and page, and its leaders as
`employee`."""


def without_empty(data):
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def person_data(person, job_title=""):
    return without_empty(
        {
            "@type": "Person",
            "name": person.name,
            "jobTitle": person.position or job_title,
            "email": person.official_email,
            "telephone": person.phone,
        }
    )


def unit_data(unit, page, base_url):
    agency = unit.agency
    path = page.reverse_subpage("unit", kwargs={"slug": agency.slug})
    return without_empty(
        {
            "@type": "GovernmentOrganization",
            "name": agency.name,
            "url": base_url + path if base_url else None,
            "address": agency.address,
            "telephone": agency.phone,
            "email": agency.email,
            "subOrganization": [unit_data(child, page, base_url) for child in unit.children],
        }
    )


def structure_data(page, request):
    """The units below the page's agency and the published leaders, as JSON-LD properties."""
    tree, base_url = page.chart, page.get_full_url(request)
    units = [unit_data(child, page, base_url) for child in tree.children] if tree else []
    leaders = [person_data(row.person, row.get_role_display()) for row in page.live_leaders]
    return without_empty({"subOrganization": units, "employee": leaders})
