"""Organizations and organization permissions."""

from huaweicloudsdkswr.v2 import (
    CreateNamespaceAuthRequest,
    CreateNamespaceRequest,
    CreateNamespaceRequestBody,
    CreateRepoRequest,
    CreateRepoRequestBody,
    DeleteNamespaceAuthRequest,
    DeleteNamespacesRequest,
    DeleteRepoRequest,
    ListNamespacesRequest,
    ListQuotasRequest,
    ShowNamespaceAuthRequest,
    ShowNamespaceRequest,
    UpdateNamespaceAuthRequest,
    UserAuth,
)

from conftest import expect_error, swr_error_code, unique


def create(client, name):
    return client.create_namespace(CreateNamespaceRequest(body=CreateNamespaceRequestBody(namespace=name)))


def names(client, **kw):
    return [n.name for n in client.list_namespaces(ListNamespacesRequest(**kw)).namespaces or []]


def test_create_show_list_delete(admin):
    name = unique("ns")
    create(admin, name)
    shown = admin.show_namespace(ShowNamespaceRequest(namespace=name))
    assert (shown.name, shown.auth, shown.creator_name) == (name, 7, "alpha-admin")
    assert name in names(admin)
    assert names(admin, namespace=name) == [name]
    assert names(admin, filter=f"namespace::{name}") == [name]
    admin.delete_namespaces(DeleteNamespacesRequest(namespace=name))
    expect_error(404, admin.show_namespace, ShowNamespaceRequest(namespace=name))


def test_bad_names_are_refused(admin):
    for bad in ["Upper", "1starts-with-digit", "ends-", "a..b", "library", "x" * 65]:
        exc = expect_error(400, create, admin, bad)
        assert swr_error_code(exc).startswith("SVCSTG.SWR.400")


def test_names_are_unique_across_accounts(admin, other_admin):
    name = unique("taken")
    create(admin, name)
    try:
        expect_error(409, create, other_admin, name)
        expect_error(404, other_admin.show_namespace, ShowNamespaceRequest(namespace=name))
    finally:
        admin.delete_namespaces(DeleteNamespacesRequest(namespace=name))


def test_quota_of_five_organizations(other_admin, sandbox):
    quota = other_admin.list_quotas(ListQuotasRequest()).quotas
    ns_quota = next(q for q in quota if q.quota_key == "namespace")
    assert ns_quota.quota_limit == 5
    created = []
    try:
        while len(created) + ns_quota.used < 5:
            name = unique("quota")
            create(other_admin, name)
            created.append(name)
        exc = expect_error(400, create, other_admin, unique("over"))
        assert swr_error_code(exc) == "SVCSTG.SWR.4000045"
        used = next(q for q in other_admin.list_quotas(ListQuotasRequest()).quotas if q.quota_key == "namespace").used
        assert used == 5
    finally:
        for name in created:
            other_admin.delete_namespaces(DeleteNamespacesRequest(namespace=name))


def test_non_empty_organization_cannot_be_deleted(admin):
    name = unique("full")
    create(admin, name)
    admin.create_repo(CreateRepoRequest(namespace=name, body=CreateRepoRequestBody(repository="app", is_public=False)))
    exc = expect_error(406, admin.delete_namespaces, DeleteNamespacesRequest(namespace=name))
    assert swr_error_code(exc) == "SVCSTG.SWR.4060074"
    admin.delete_repo(DeleteRepoRequest(namespace=name, repository="app"))
    admin.delete_namespaces(DeleteNamespacesRequest(namespace=name))


def test_user_without_rights_is_denied_until_granted(admin, dev, sandbox):
    name = unique("perm")
    create(admin, name)
    me = sandbox.user(0, 1)
    try:
        assert name not in names(dev)
        expect_error(403, create, dev, unique("devns"))
        expect_error(403, dev.show_namespace, ShowNamespaceRequest(namespace=name))
        grant = [UserAuth(user_id=me["user_id"], user_name=me["user_name"], auth=1)]
        admin.create_namespace_auth(CreateNamespaceAuthRequest(namespace=name, body=grant))
        expect_error(409, admin.create_namespace_auth, CreateNamespaceAuthRequest(namespace=name, body=grant))
        assert dev.show_namespace(ShowNamespaceRequest(namespace=name)).auth == 1
        assert name in names(dev)
        # read is not enough to grant or to delete
        expect_error(403, dev.delete_namespaces, DeleteNamespacesRequest(namespace=name))
        auths = admin.show_namespace_auth(ShowNamespaceAuthRequest(namespace=name))
        assert auths.self_auth.auth == 7
        assert [(a.user_id, a.auth) for a in auths.others_auths] == [(me["user_id"], 1)]
        upgrade = [UserAuth(user_id=me["user_id"], user_name=me["user_name"], auth=3)]
        admin.update_namespace_auth(UpdateNamespaceAuthRequest(namespace=name, body=upgrade))
        assert dev.show_namespace(ShowNamespaceRequest(namespace=name)).auth == 3
        bad = [UserAuth(user_id=me["user_id"], user_name=me["user_name"], auth=5)]
        expect_error(400, admin.update_namespace_auth, UpdateNamespaceAuthRequest(namespace=name, body=bad))
        admin.delete_namespace_auth(DeleteNamespaceAuthRequest(namespace=name, body=[me["user_id"]]))
        expect_error(403, dev.show_namespace, ShowNamespaceRequest(namespace=name))
    finally:
        admin.delete_namespaces(DeleteNamespacesRequest(namespace=name))
