"""English input formats follow the admin's date picker too: day first, never US month-first
(05/01 is 5 January everywhere in the portal)."""

from portal.formats.vi.formats import (  # noqa: F401
    DATE_INPUT_FORMATS,
    DATETIME_INPUT_FORMATS,
    TIME_INPUT_FORMATS,
)
