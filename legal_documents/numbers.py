"""Document numbers (số ký hiệu): their format, and the key they are compared and found by.

A number such as `15/2024/QĐ-UBND` is its sequence number, the year for legal normative
documents, and the symbol (type and issuer abbreviations). Readers type it in many ways:
`15/2024/qd-ubnd`, `15 2024 QĐ UBND`, `15-2024`. All are the same key once folded
(`core.text.fold`) and split into words: `15 2024 qd ubnd`.
"""

import re

from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.text import fold

NUMBER_RE = r"^\d{1,6}[A-Za-z]?(/\d{4})?/[A-Za-zĐđ][A-Za-zĐđ0-9]*(-[A-Za-zĐđ0-9]+)*$"
number_validator = RegexValidator(
    NUMBER_RE,
    _(
        "Write the number and symbol as on the document, for example 15/2024/QĐ-UBND "
        "or 123/UBND-VX."
    ),
    code="invalid_number",
)
_SEPARATORS = re.compile(r"[^0-9a-z]+")


def number_key(text):
    """The comparable form of a number, or of what a reader typed for one."""
    return " ".join(_SEPARATORS.split(fold(text or ""))).strip()


def looks_like_number(query):
    """Whether a search query is (the start of) a document number: it starts with digits and
    holds a separator or a second part (`15/2024`, `15 2024`, `15/QĐ-UBND`)."""
    key = number_key(query)
    return bool(re.match(r"^\d{1,6}[a-z]? \S", key)) and len(key) <= 80


def number_match_q(query, field="number_key"):
    """A Q finding the documents whose number is `query`, or starts with it part by part
    (`15 2024` finds `15/2024/QĐ-UBND`, not `15/20245/...`)."""
    from django.db.models import Q

    key = number_key(query)
    return Q(**{field: key}) | Q(**{f"{field}__startswith": key + " "})
