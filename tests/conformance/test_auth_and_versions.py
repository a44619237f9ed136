"""Signature verification and the version documents."""

import datetime

import pytest
from huaweicloudsdkcore.exceptions import exceptions
from huaweicloudsdkcore.signer import signer as sdk_signer
from huaweicloudsdkswr.v2 import (
    ListApiVersionsRequest,
    ListNamespacesRequest,
    ShowApiVersionRequest,
)

from conftest import expect_error


def gateway_error(exc):
    assert exc.status_code == 401
    assert exc.error_code == "APIGW.0301"
    assert exc.request_id


def test_signed_request_is_accepted(admin):
    assert admin.list_namespaces(ListNamespacesRequest()).namespaces is not None


def test_wrong_secret_key_is_refused(sandbox):
    client = sandbox.client(0, 0, sk="not-the-secret-key")
    gateway_error(expect_error(401, client.list_namespaces, ListNamespacesRequest()))


def test_unknown_access_key_is_refused(sandbox):
    client = sandbox.client(0, 0, ak="UNKNOWNAK00000000000")
    gateway_error(expect_error(401, client.list_namespaces, ListNamespacesRequest()))


class _Stale(datetime.datetime):
    @classmethod
    def utcnow(cls):
        return datetime.datetime.utcnow() - datetime.timedelta(minutes=20)


def test_signature_older_than_fifteen_minutes_is_refused(sandbox, monkeypatch):
    monkeypatch.setattr(sdk_signer, "datetime", _Stale)
    client = sandbox.client(0, 0)
    gateway_error(expect_error(401, client.list_namespaces, ListNamespacesRequest()))


def test_version_documents(admin):
    versions = admin.list_api_versions(ListApiVersionsRequest()).versions
    assert {v.id for v in versions} >= {"v2"}
    assert any(v.status == "CURRENT" for v in versions)
    one = admin.show_api_version(ShowApiVersionRequest(api_version="v2")).version
    assert one.id == "v2" and one.links.rel == "self"
    with pytest.raises(exceptions.ClientRequestException) as info:
        admin.show_api_version(ShowApiVersionRequest(api_version="v9"))
    assert info.value.status_code == 404
