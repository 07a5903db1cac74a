"""The change log: what entered, changed within or left the public set of each API endpoint,
read by `GET /api/v2/changes/` so a consumer syncing incrementally also learns deletions
(tombstones), and by the webhooks through `signals.content_changed`.

- `models`: `ContentChange` rows (ids only, never titles or content) and the pruning horizon.
- `recording`: inserts rows inside the publishing transaction, in commit order (see there).
- `handlers`: the Wagtail and Django signals that record (connected in `CoreConfig.ready()`).
- `stream`: the endpoint, its opaque cursors and its OpenAPI description.
- `pruning`: rows older than `API_CHANGES_RETENTION_DAYS` removed, the horizon remembered.
"""
