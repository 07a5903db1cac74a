"""The core app's models: the change log's (core.changes.models)."""

from .changes.models import ContentChange, ContentChangePruning

__all__ = ["ContentChange", "ContentChangePruning"]
