"""What every feed of the portal shares: times in the portal's time zone, and feed writers
that drop the control characters XML cannot hold."""

from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from core.cleaning import xml_safe


def local_time(value):
    """`value` in the portal's time zone (TIME_ZONE), as readers see it on the pages."""
    if value is None or timezone.is_naive(value):
        return value
    return timezone.localtime(value, timezone.get_default_timezone())


class XMLSafeFeedMixin:
    """Writes text saved before control characters were stripped (core.cleaning): XML
    cannot hold them, and one of them made the whole feed a 500."""

    def write(self, outfile, encoding):
        self.feed = xml_safe(self.feed)
        self.items = [xml_safe(item) for item in self.items]
        super().write(outfile, encoding)


class SafeRssFeed(XMLSafeFeedMixin, Rss201rev2Feed):
    pass


class SafeAtomFeed(XMLSafeFeedMixin, Atom1Feed):
    pass
