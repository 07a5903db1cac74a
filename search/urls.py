from django.urls import path
from django.utils.translation import pgettext_lazy

from .views import search_view

# Translated: /tim-kiem/ in Vietnamese (at the root), /en/search/ in English.
urlpatterns = [path(pgettext_lazy("URL path", "search/"), search_view, name="search")]
