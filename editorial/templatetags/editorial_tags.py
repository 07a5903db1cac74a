import json

from django import template

register = template.Library()


@register.filter
def without_convert_to_alias(props):
    """The translation editor's props (JSON) without its "Convert to alias page" button.

    Converting publishes (editorial.translation_views.convert_to_alias): the button is for
    those who may publish, and would otherwise be an editor's main footer action.
    """
    data = json.loads(props)
    data["links"]["convertToAliasUrl"] = None
    return json.dumps(data)
