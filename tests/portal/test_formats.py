"""Dates are typed day first, as the admin's date picker writes them, in both languages."""

from datetime import date, datetime

import pytest
from django import forms
from django.utils import translation


@pytest.mark.parametrize("language", ["vi", "en"])
def test_day_first_dates_are_accepted(language):
    with translation.override(language):
        assert forms.DateField().clean("05/01/2024") == date(2024, 1, 5)
        assert forms.DateTimeField().clean("26/01/2024 08:30").replace(tzinfo=None) == datetime(
            2024, 1, 26, 8, 30
        )
        assert forms.DateField().clean("2024-01-05") == date(2024, 1, 5)


def test_impossible_dates_are_refused():
    with translation.override("vi"), pytest.raises(forms.ValidationError):
        forms.DateField().clean("31/02/2024")
