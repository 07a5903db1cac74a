"""What one client may add to the visitor figures.

Without bounds one address could add any number of visitors (a new User-Agent is a new
visitor) and any number of page views (the beacon replayed). Two bounds, in the cache:

- a visitor (address + User-Agent) counts at most `VISITS_VIEWS_PER_MINUTE` views a minute
  (a reader reads; a replaying script is cut at once);
- an address brings at most `VISITS_VISITORS_PER_ADDRESS` visitors a day, so that readers
  behind one NAT (an office) still count one by one, up to that many distinct browsers.

Beyond them the beacon answers 429 and counts nothing. Like the other per-client limits they
are off with `RATE_LIMIT_ENABLED=false` (load tests from one machine). Addresses are kept
only as the visitor's keyed daily hash (see counting.visitor_hash).
"""

import datetime

from django.conf import settings
from django.core.cache import cache

from core.client_address import client_network
from core.ratelimit import WindowCounter, increment

from .counting import local_now, visitor_hash


def seconds_to_midnight(now):
    """Seconds until the next local midnight, when the day's visitors start again."""
    local = local_now(now)
    midnight = datetime.datetime.combine(
        local.date() + datetime.timedelta(days=1), datetime.time.min, tzinfo=local.tzinfo
    )
    return max(1, int((midnight - local).total_seconds()))


def refusal(ip, user_agent, now=None):
    """Seconds to wait when this beacon goes beyond what its client may add; else 0."""
    if not settings.RATE_LIMIT_ENABLED:
        return 0
    now = now or local_now()
    day = local_now(now).date()
    visitor = visitor_hash(ip, user_agent, day)
    views = WindowCounter("visits-views", visitor, 60)
    if settings.VISITS_VIEWS_PER_MINUTE and views.hit() > settings.VISITS_VIEWS_PER_MINUTE:
        return views.retry_after
    limit = settings.VISITS_VISITORS_PER_ADDRESS
    if not limit:
        return 0
    # Whether the visitor was admitted today, decided at its first beacon.
    admitted_key = f"visits:admitted:{visitor}"
    admitted = cache.get(admitted_key)
    if admitted is None:
        address = visitor_hash(client_network(ip), "", day)
        ttl = seconds_to_midnight(now)
        admitted = increment(f"visits:address-visitors:{address}", ttl) <= limit
        cache.set(admitted_key, admitted, ttl)
    return 0 if admitted else seconds_to_midnight(now)
