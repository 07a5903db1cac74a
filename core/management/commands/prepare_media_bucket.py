"""`manage.py prepare_media_bucket`: the object store's bucket, made ready for the portal."""

import json

from botocore.exceptions import BotoCoreError, ClientError
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

# What pages link to: original images and their renditions. Documents stay private.
PUBLIC_PREFIXES = ("original_images/", "images/")


def public_images_policy(bucket):
    """A bucket policy letting anyone read PUBLIC_PREFIXES, and nothing else."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "PortalPublicImages",
                "Effect": "Allow",
                "Principal": "*",
                "Action": ["s3:GetObject"],
                "Resource": [f"arn:aws:s3:::{bucket}/{prefix}*" for prefix in PUBLIC_PREFIXES],
            }
        ],
    }


class Command(BaseCommand):
    help = (
        "Create the media bucket (MEDIA_S3_BUCKET) if it is missing and set its policy: "
        "anyone may read original images and renditions; documents stay private."
    )

    def handle(self, *args, **options):
        bucket = settings.MEDIA_S3_BUCKET
        if not bucket:
            raise CommandError("MEDIA_S3_BUCKET is not set: uploaded files are local files.")
        client = default_storage.connection.meta.client
        try:
            created = self.ensure_bucket(client, bucket)
            client.put_bucket_policy(Bucket=bucket, Policy=json.dumps(public_images_policy(bucket)))
        except (BotoCoreError, ClientError) as error:
            raise CommandError(
                f"The bucket {bucket} could not be prepared: {error}. If the store blocks "
                "public bucket policies, allow this one (deploy/README.md, Object storage)."
            ) from error
        what = "created" if created else "exists"
        self.stdout.write(
            self.style.SUCCESS(
                f"Bucket {bucket} {what}; public: {', '.join(PUBLIC_PREFIXES)}; "
                "everything else (documents/) private."
            )
        )

    def ensure_bucket(self, client, bucket):
        try:
            client.head_bucket(Bucket=bucket)
            return False
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") not in ("404", "NoSuchBucket"):
                raise
        region = client.meta.region_name
        if region and region != "us-east-1":
            client.create_bucket(
                Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": region}
            )
        else:
            client.create_bucket(Bucket=bucket)
        return True
