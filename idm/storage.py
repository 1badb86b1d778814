"""Where uploaded files (the documents' files) are kept: an S3-compatible bucket when
IDM_S3_BUCKET is set, otherwise the local directory DJANGO_MEDIA_ROOT.

Files are read only through Django's storage API, and only the portal hands them out
(`document_file` in idm/views/pages.py checks the access rules and proxies the bytes): the
bucket's objects stay private, and no bucket address or signed URL ever reaches a browser.
"""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

FILESYSTEM_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3_STORAGE_BACKEND = "storages.backends.s3.S3Storage"
# A download larger than this is buffered in a temporary file rather than in memory.
S3_MAX_MEMORY_BYTES = 5 * 1024 * 1024


def _value(environ, name):
    return environ.get(name, "").strip()


def _endpoint_url(environ):
    """IDM_S3_ENDPOINT_URL: the S3 API of another provider (MinIO, Ceph, a cloud's S3); empty
    for Amazon S3 itself."""
    value = _value(environ, "IDM_S3_ENDPOINT_URL")
    if not value:
        return None
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImproperlyConfigured(
            f"IDM_S3_ENDPOINT_URL={value!r} is not an http(s) address such as "
            "http://minio:9000 (leave it empty for Amazon S3)."
        )
    return value


def _credentials(environ):
    """Both keys, or neither (boto3 then finds credentials itself: AWS_* variables, an
    instance role)."""
    access_key = _value(environ, "IDM_S3_ACCESS_KEY_ID")
    secret_key = _value(environ, "IDM_S3_SECRET_ACCESS_KEY")
    if bool(access_key) != bool(secret_key):
        raise ImproperlyConfigured(
            "Set both IDM_S3_ACCESS_KEY_ID and IDM_S3_SECRET_ACCESS_KEY, or neither "
            "(boto3 then uses its own credentials: AWS_* variables, an instance role)."
        )
    if not access_key:
        return {}
    return {"access_key": access_key, "secret_key": secret_key}


def document_storage(environ):
    """The STORAGES["default"] entry for the environment `environ` (a mapping)."""
    bucket = _value(environ, "IDM_S3_BUCKET")
    if not bucket:
        return FILESYSTEM_STORAGE
    endpoint_url = _endpoint_url(environ)
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint_url,
        "region_name": _value(environ, "IDM_S3_REGION") or None,
        **_credentials(environ),
        # Providers other than Amazon serve every bucket under the endpoint's own host name.
        "addressing_style": "path" if endpoint_url else None,
        # Like the filesystem: a second "note.pdf" gets a new name instead of replacing the
        # first one's file.
        "file_overwrite": False,
        # No ACL is sent: objects are private (only the bucket owner's keys read them), and
        # buckets with ACLs disabled (Amazon's default) accept the upload.
        "default_acl": None,
        "querystring_auth": True,
        "max_memory_size": S3_MAX_MEMORY_BYTES,
    }
    return {"BACKEND": S3_STORAGE_BACKEND, "OPTIONS": options}
