"""`content_changed(sender=ContentChange, change=<saved ContentChange>)`: sent once for each
recorded change, after the recording transaction has committed."""

from django.dispatch import Signal

content_changed = Signal()
