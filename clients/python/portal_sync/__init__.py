"""portal_sync: a reference client that mirrors a portal's public API into SQLite.

For sister portals: run it from cron (`python -m portal_sync --base-url URL --db FILE`);
each run fetches what changed since the last one (`?updated_since=` on every listing) and
what left the public set (the change stream `/api/v2/changes/`: unpublished, deleted, made
private...), so the mirror equals what the API serves. Standard library only; it knows
nothing of the portal's code, only its public HTTP API. See docs/api.md, "Clients".
"""

__version__ = "1.0"
