"""Purging a relation removed when its document is published: the document it named loses a
reverse relation (and maybe its status), which `LegalDocumentPage.add_appearances` cannot
see any more once the row is gone."""

from django.db.models.signals import post_delete

from core.purging import purge_on_commit


def relation_deleted(sender, instance, **kwargs):
    from .models import LegalDocumentPage

    def fill(batch):
        target = LegalDocumentPage.objects.filter(pk=instance.target_id).first()
        if target is not None:  # not deleted with the relation
            batch.add_page_and_api(target)

    purge_on_commit(fill)


def connect():
    from .models import LegalDocumentRelation

    post_delete.connect(
        relation_deleted,
        sender=LegalDocumentRelation,
        dispatch_uid="legal_documents_purge_relation_deleted",
    )
