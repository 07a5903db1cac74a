"""The change log's ids follow commit order (PostgreSQL): a reader never sees id N+1 before
N, though the transaction that recorded N commits last. SQLite serialises writers anyway."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from core.changes.models import ContentChange
from core.changes.recording import record, upsert
from snippets.models import Agency

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: nothing to interleave"
)


def visible_ids():
    """What a reader sees now, from its own connection (the test's)."""
    return list(ContentChange.objects.order_by("id").values_list("object_id", flat=True))


@pytest.mark.django_db(transaction=True)
def test_a_later_transaction_waits_for_the_earlier_to_commit():
    first_recorded, release_first = threading.Event(), threading.Event()
    second_done = threading.Event()
    errors = []

    def first():
        try:
            with transaction.atomic():
                record([upsert(Agency, 1001, None)])
                first_recorded.set()
                release_first.wait(10)
        except Exception as error:  # reported by the main thread
            errors.append(error)
        finally:
            connections.close_all()

    def second():
        try:
            first_recorded.wait(10)
            with transaction.atomic():
                record([upsert(Agency, 1002, None)])  # waits for the advisory lock
            second_done.set()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    first_recorded.wait(10)
    time.sleep(0.5)
    # Without the lock the second would have committed id N+1 here, before N.
    assert not second_done.is_set()
    assert visible_ids() == []
    release_first.set()
    for thread in threads:
        thread.join(10)
    assert errors == []
    rows = list(ContentChange.objects.order_by("id").values_list("id", "object_id"))
    assert [object_id for _id, object_id in rows] == [1001, 1002]
    assert rows[0][0] < rows[1][0]
