# Varnish in front of the portal: the same rules as deploy/nginx/portal.conf, for a site that
# runs Varnish (or Varnish behind a CDN) instead of nginx's cache. Django decides what may be
# kept (core.middleware.CacheHeadersMiddleware: `Cache-Control: public, s-maxage=...` on
# answers that are the same for every reader); the portal purges exactly the URLs a change
# shows, with Wagtail's HTTP purge backend (`PURGE` requests from the application nodes:
# WAGTAILFRONTENDCACHE_URL=http://127.0.0.1:6081, see deploy/README.md, "Varnish").
#
#     varnishd -a :6081 -f /etc/varnish/portal.vcl -s malloc,1G
#
# Varnish coalesces the readers that ask for a purged URL together: one request reaches the
# portal, the others wait for its answer (its waiting list), as nginx's proxy_cache_lock.
vcl 4.1;

backend portal {
    .host = "127.0.0.1";
    .port = "8000";
}

# Who may purge: the application nodes. Add their addresses when they run on other hosts.
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        return (purge);
    }
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Signed-in editors carry the `portal_editor` cookie and always reach Django. nginx checks
    # its signature; Varnish cannot (no HMAC in stock VCL), so a made-up one also passes here
    # and is then answered by Django's own cache of whole answers, not by a new render.
    if (req.http.Cookie ~ "(^|;\s*)portal_editor=") {
        return (pass);
    }
    # The API's browsable HTML is never kept.
    if (req.url ~ "^/api/" && req.http.Accept ~ "text/html") {
        return (pass);
    }
    # One copy per host and URL, whatever cookies come with the request: Django marks an
    # answer public only when it is the same for every reader.
    return (hash);
}

sub vcl_backend_response {
    # The API, the sitemap and feeds are read cross-origin: one copy for every origin.
    if (bereq.url ~ "^/(api/|sitemap(-[a-z]+)?\.xml$|(.*/)?(rss|atom)/$)") {
        unset beresp.http.Vary;
        unset beresp.http.Access-Control-Allow-Origin;
    }
    # Nothing Django did not mark public is kept (no default lifetime, unlike Varnish's own).
    if (beresp.http.Cache-Control !~ "(^|,)\s*public" || beresp.http.Set-Cookie) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Kept no longer than s-maxage says (Varnish reads it); errors are not kept.
    if (beresp.status >= 500) {
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
    }
    return (deliver);
}

sub vcl_deliver {
    if (req.url ~ "^/(api/|sitemap(-[a-z]+)?\.xml$|(.*/)?(rss|atom)/$)") {
        set resp.http.Access-Control-Allow-Origin = "*";
    }
    if (obj.hits > 0) {
        set resp.http.X-Cache-Status = "HIT";
    } else {
        set resp.http.X-Cache-Status = "MISS";
    }
}
