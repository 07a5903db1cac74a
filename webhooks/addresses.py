"""Where a webhook may go (server-side request forgery): only public addresses over HTTPS,
unless the address is inside `WEBHOOK_ALLOWED_NETWORKS` (where plain HTTP is allowed too).
Checked when an administrator saves a subscription (every address the host resolves to) and
again on every connection, against the peer address actually connected to (webhooks.sending),
so a name that resolves elsewhere later (DNS rebinding) is refused too."""

import ipaddress
import socket
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class ForbiddenAddress(Exception):
    """A URL or address the portal must not send to; the message is for the administrator."""


def allowed_networks():
    return [ipaddress.ip_network(cidr, strict=False) for cidr in settings.WEBHOOK_ALLOWED_NETWORKS]


def is_allowed(address):
    """Whether a connection to this IP address may be made."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed_networks()):
        return True
    return ip.is_global and not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def in_allowed_network(address):
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    return any(ip in network for network in allowed_networks())


def resolve(host, port):
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise ForbiddenAddress(_("The host name could not be resolved.")) from error
    # IPv4 first: a server without IPv6 connectivity still reaches a dual-stack receiver.
    return sorted({info[4][0] for info in infos}, key=lambda address: (":" in address, address))


def check_url(url):
    """The addresses a URL resolves to; ForbiddenAddress if the portal must not send there."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise ForbiddenAddress(_("Enter an https:// address."))
    if parts.username or parts.password:
        raise ForbiddenAddress(_("The address must not contain a user name or password."))
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as error:
        raise ForbiddenAddress(_("The port is not valid.")) from error
    addresses = resolve(parts.hostname, port)
    refused = [address for address in addresses if not is_allowed(address)]
    if refused:
        raise ForbiddenAddress(
            _(
                "The address %(address)s is internal (loopback, private, link-local, "
                "multicast or reserved): webhooks are only sent to public addresses."
            )
            % {"address": refused[0]}
        )
    if parts.scheme == "http" and not all(in_allowed_network(a) for a in addresses):
        raise ForbiddenAddress(_("Enter an https:// address."))
    return addresses
