"""Who the client is, behind the proxies the portal trusts: what rate limits, sign-in pauses
and the visitor statistics count."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The reader's address: REMOTE_ADDR, or the one the trusted proxies added to
    X-Forwarded-For (`VISITS_TRUSTED_PROXIES` of them stand in front of the portal)."""
    proxies = settings.VISITS_TRUSTED_PROXIES
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_network(ip):
    """What limits count as one client: an IPv4 address, or the /64 network of an IPv6 one
    (one subscriber's usual allocation: counting whole IPv6 addresses, one machine could
    rotate through 2^64 of them and never be limited)."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/64", strict=False))
