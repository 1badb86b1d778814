import pytest
from django.core.exceptions import ImproperlyConfigured

from idm.storage import document_storage
from tests.idm.test_settings import production_setting

S3 = {
    "IDM_S3_BUCKET": "idm-documents",
    "IDM_S3_ENDPOINT_URL": "http://minio:9000",
    "IDM_S3_REGION": "eu-central-1",
    "IDM_S3_ACCESS_KEY_ID": "idm",
    "IDM_S3_SECRET_ACCESS_KEY": "idm-secret",
}


def test_storage_without_bucket_is_the_filesystem():
    assert document_storage({"IDM_S3_ENDPOINT_URL": "http://minio:9000"}) == {
        "BACKEND": "django.core.files.storage.FileSystemStorage"
    }


def test_storage_with_bucket_is_private_s3_that_never_overwrites():
    storage = document_storage(S3)
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert {key: options[key] for key in ("bucket_name", "endpoint_url", "region_name")} == {
        "bucket_name": "idm-documents",
        "endpoint_url": "http://minio:9000",
        "region_name": "eu-central-1",
    }
    assert (options["access_key"], options["secret_key"]) == ("idm", "idm-secret")
    assert (options["default_acl"], options["file_overwrite"]) == (None, False)
    assert options["addressing_style"] == "path"


def test_storage_amazon_s3_without_keys_leaves_credentials_to_boto3():
    options = document_storage({"IDM_S3_BUCKET": "idm-documents"})["OPTIONS"]
    assert "access_key" not in options and "secret_key" not in options
    assert (options["endpoint_url"], options["addressing_style"]) == (None, None)


def test_storage_with_only_one_key_refused():
    with pytest.raises(ImproperlyConfigured, match="IDM_S3_SECRET_ACCESS_KEY"):
        document_storage({"IDM_S3_BUCKET": "idm-documents", "IDM_S3_ACCESS_KEY_ID": "idm"})


def test_storage_endpoint_that_is_not_an_address_refused():
    with pytest.raises(ImproperlyConfigured, match="IDM_S3_ENDPOINT_URL='minio:9000'"):
        document_storage({**S3, "IDM_S3_ENDPOINT_URL": "minio:9000"})


def test_settings_bucket_from_environment_selects_s3_storage():
    storages = production_setting("STORAGES", **S3)
    assert "'BACKEND': 'storages.backends.s3.S3Storage'" in storages
    assert "'bucket_name': 'idm-documents'" in storages
