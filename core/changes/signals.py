"""`content_changed`: sent once a recorded change has committed (transaction.on_commit), with
`change`, a saved ContentChange (id, occurred_at, endpoint, object_type, object_id, locale,
event, reason). Receivers (webhooks) must be cheap: they run in the request that published."""

from django.dispatch import Signal

content_changed = Signal()
