"""Webhooks: signed deliveries of public content changes to subscribers (issue 20)."""
