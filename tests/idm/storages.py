"""The two places document files can live, for tests that must pass the same on both: the
local filesystem (MEDIA_ROOT) and an S3 bucket on a real S3 API (a moto server on 127.0.0.1).

Each store reads the files with its own tools (the filesystem, boto3), not through Django's
storage API, so that the tests see what the portal really stored."""

import logging
import uuid
from pathlib import Path

import boto3
from botocore.exceptions import ClientError
from django.conf import settings
from moto.server import ThreadedMotoServer

from idm.storage import document_storage

S3_KEYS = {"IDM_S3_ACCESS_KEY_ID": "idm-test", "IDM_S3_SECRET_ACCESS_KEY": "idm-test-secret"}
S3_REGION = "us-east-1"


def start_s3_server():
    """A moto S3 server in a thread on a free port of 127.0.0.1; returns (server, its URL)."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no line per S3 request
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    return server, f"http://{host}:{port}"


class FilesystemStore:
    name = "filesystem"

    def configure(self, django_settings):
        django_settings.STORAGES = {
            **settings.STORAGES,
            "default": document_storage({}),
        }

    def holds(self, name):
        return (Path(settings.MEDIA_ROOT) / name).is_file()

    def content(self, name):
        return (Path(settings.MEDIA_ROOT) / name).read_bytes()

    def remove(self, name):
        (Path(settings.MEDIA_ROOT) / name).unlink()


class S3Store:
    """A fresh bucket per test, configured from the same variables as production."""

    name = "s3"

    def __init__(self, endpoint_url):
        self.endpoint_url = endpoint_url
        self.bucket = f"idm-test-{uuid.uuid4().hex[:16]}"
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=S3_REGION,
            aws_access_key_id=S3_KEYS["IDM_S3_ACCESS_KEY_ID"],
            aws_secret_access_key=S3_KEYS["IDM_S3_SECRET_ACCESS_KEY"],
        )

    def environment(self):
        return {
            "IDM_S3_BUCKET": self.bucket,
            "IDM_S3_ENDPOINT_URL": self.endpoint_url,
            "IDM_S3_REGION": S3_REGION,
            **S3_KEYS,
        }

    def configure(self, django_settings):
        self.client.create_bucket(Bucket=self.bucket)
        django_settings.STORAGES = {
            **settings.STORAGES,
            "default": document_storage(self.environment()),
        }

    def holds(self, name):
        try:
            self.client.head_object(Bucket=self.bucket, Key=name)
        except ClientError as error:
            if error.response["Error"]["Code"] in ("404", "NoSuchKey"):
                return False
            raise
        return True

    def content(self, name):
        return self.client.get_object(Bucket=self.bucket, Key=name)["Body"].read()

    def remove(self, name):
        self.client.delete_object(Bucket=self.bucket, Key=name)
