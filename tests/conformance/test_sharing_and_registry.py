"""Repository permissions, sharing with another account, public images, temporary logins,
and real pushes and pulls through the registry with skopeo."""

import base64
import subprocess

import pytest
from huaweicloudsdkswr.v2 import (
    CreateAuthorizationTokenRequest,
    CreateNamespaceRequest,
    CreateNamespaceRequestBody,
    CreateRepoDomainsRequest,
    CreateRepoDomainsRequestBody,
    CreateSecretRequest,
    CreateUserRepositoryAuthRequest,
    DeleteRepoDomainsRequest,
    DeleteUserRepositoryAuthRequest,
    ListNamespacesRequest,
    ListRepoDomainsRequest,
    ListSharedRepoDetailsRequest,
    ListSharedReposDetailsRequest,
    ShowAccessDomainRequest,
    ShowRepositoryRequest,
    ShowUserRepositoryAuthRequest,
    UpdateRepoDomainsRequest,
    UpdateRepoDomainsRequestBody,
    UpdateRepoRequest,
    UpdateRepoRequestBody,
    UpdateUserRepositoryAuthRequest,
    UserAuth,
)

from conftest import expect_error, unique


@pytest.fixture(scope="module")
def ns(admin, push):
    name = unique("share")
    admin.create_namespace(CreateNamespaceRequest(body=CreateNamespaceRequestBody(namespace=name)))
    push(name, "private", "1.0")
    push(name, "public", "1.0")
    admin.update_repo(UpdateRepoRequest(namespace=name, repository="public", body=UpdateRepoRequestBody(is_public=True)))
    return name


def inspect(sandbox, skopeo, ref, creds):
    user, password = creds
    return subprocess.run(
        [skopeo, "inspect", "--tls-verify=false", "--creds", f"{user}:{password}", f"docker://{sandbox.registry}/{ref}"],
        capture_output=True, text=True, timeout=60,
    )


def pull(sandbox, skopeo, ref, creds, tmp_path):
    user, password = creds
    return subprocess.run(
        [skopeo, "copy", "--src-tls-verify=false", "--src-creds", f"{user}:{password}",
         f"docker://{sandbox.registry}/{ref}", f"dir:{tmp_path}/pulled"],
        capture_output=True, text=True, timeout=60,
    )


def test_long_term_login_pushes_and_pulls(sandbox, skopeo, push, ns, tmp_path):
    result = pull(sandbox, skopeo, f"{ns}/private:1.0", sandbox.login(0, 0), tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "pulled" / "manifest.json").exists()


def test_wrong_login_key_is_refused(sandbox, skopeo, ns):
    user, _ = sandbox.login(0, 0)
    result = inspect(sandbox, skopeo, f"{ns}/private:1.0", (user, "0" * 64))
    assert result.returncode != 0


def test_push_into_unknown_organization_is_denied(sandbox, push):
    result = push(unique("nosuch"), "app", "1", check=False)
    assert result.returncode != 0
    assert "denied" in result.stderr.lower() or "unauthorized" in result.stderr.lower()


def test_temporary_secret_pushes_and_pulls(sandbox, admin, skopeo, push, ns, tmp_path):
    resp = admin.create_secret(CreateSecretRequest())
    assert resp.x_swr_dockerlogin.startswith("docker login -u ")
    assert resp.x_swr_expireat
    auth = resp.auths[sandbox.registry].auth
    user, password = base64.b64decode(auth).decode().split(":", 1)
    push(ns, "private", "temp", creds=(user, password))
    result = pull(sandbox, skopeo, f"{ns}/private:temp", (user, password), tmp_path)
    assert result.returncode == 0, result.stderr
    token = admin.create_authorization_token(CreateAuthorizationTokenRequest())
    assert sandbox.registry in token.auths


def test_user_without_rights_cannot_pull_until_granted(sandbox, admin, skopeo, ns, tmp_path):
    dev = sandbox.user(0, 1)
    creds = sandbox.login(0, 1)
    assert inspect(sandbox, skopeo, f"{ns}/private:1.0", creds).returncode != 0
    grant = [UserAuth(user_id=dev["user_id"], user_name=dev["user_name"], auth=1)]
    admin.create_user_repository_auth(CreateUserRepositoryAuthRequest(namespace=ns, repository="private", body=grant))
    try:
        assert inspect(sandbox, skopeo, f"{ns}/private:1.0", creds).returncode == 0
        # a repository grant makes the organization visible only in `mode::visible`
        dev_client = sandbox.client(0, 1)
        plain = dev_client.list_namespaces(ListNamespacesRequest()).namespaces or []
        visible = dev_client.list_namespaces(ListNamespacesRequest(filter="mode::visible")).namespaces or []
        assert ns not in [n.name for n in plain]
        assert ns in [n.name for n in visible]
        auths = admin.show_user_repository_auth(ShowUserRepositoryAuthRequest(namespace=ns, repository="private"))
        assert [(a.user_name, a.auth) for a in auths.others_auths] == [(dev["user_name"], 1)]
        # read permission does not allow a push
        archive_push = sandbox.client(0, 1)
        expect_error(403, archive_push.update_repo, UpdateRepoRequest(namespace=ns, repository="private", body=UpdateRepoRequestBody(is_public=False)))
        upgrade = [UserAuth(user_id=dev["user_id"], user_name=dev["user_name"], auth=3)]
        admin.update_user_repository_auth(UpdateUserRepositoryAuthRequest(namespace=ns, repository="private", body=upgrade))
        archive_push.update_repo(UpdateRepoRequest(namespace=ns, repository="private", body=UpdateRepoRequestBody(is_public=False, description="edited by dev")))
    finally:
        admin.delete_user_repository_auth(DeleteUserRepositoryAuthRequest(namespace=ns, repository="private", body=[dev["user_id"]]))
    assert inspect(sandbox, skopeo, f"{ns}/private:1.0", creds).returncode != 0


def test_public_image_is_pullable_by_any_account(sandbox, skopeo, ns):
    assert inspect(sandbox, skopeo, f"{ns}/public:1.0", sandbox.login(1, 0)).returncode == 0
    assert inspect(sandbox, skopeo, f"{ns}/private:1.0", sandbox.login(1, 0)).returncode != 0


def test_share_gives_another_account_pull_access(sandbox, admin, other_admin, skopeo, ns):
    beta = sandbox.account(1)["domain_name"]
    body = CreateRepoDomainsRequestBody(access_domain=beta, permit="read", deadline="forever", description="partner")
    admin.create_repo_domains(CreateRepoDomainsRequest(namespace=ns, repository="private", body=body))
    expect_error(409, admin.create_repo_domains, CreateRepoDomainsRequest(namespace=ns, repository="private", body=body))
    domains = admin.list_repo_domains(ListRepoDomainsRequest(namespace=ns, repository="private")).body
    assert [(d.access_domain, d.permit, d.status) for d in domains] == [(beta, "read", True)]
    assert admin.show_access_domain(ShowAccessDomainRequest(namespace=ns, repository="private", access_domain=beta)).exist is True
    assert admin.show_access_domain(ShowAccessDomainRequest(namespace=ns, repository="private", access_domain="nobody")).exist is False
    assert inspect(sandbox, skopeo, f"{ns}/private:1.0", sandbox.login(1, 0)).returncode == 0
    mine = admin.list_shared_repos_details(ListSharedReposDetailsRequest(center="self"))
    assert f"{ns}" in [r.namespace for r in mine.body]
    theirs = other_admin.list_shared_repos_details(ListSharedReposDetailsRequest(center="thirdparty"))
    assert any(r.namespace == ns and r.status is True for r in theirs.body)
    v3 = other_admin.list_shared_repo_details(ListSharedRepoDetailsRequest(shared_by="thirdparty", status=True))
    assert any(r.namespace_name == ns for r in v3.repos)
    # the sharee reads but cannot change the repository
    assert other_admin.show_repository(ShowRepositoryRequest(namespace=ns, repository="private")).name == "private"
    expect_error(404, other_admin.update_repo, UpdateRepoRequest(namespace=ns, repository="private", body=UpdateRepoRequestBody(is_public=True)))
    # an expired deadline ends access
    admin.update_repo_domains(
        UpdateRepoDomainsRequest(namespace=ns, repository="private", access_domain=beta,
                                 body=UpdateRepoDomainsRequestBody(permit="read", deadline="2999-01-01T00:00:00.000Z"))
    )
    past = UpdateRepoDomainsRequestBody(permit="read", deadline="2001-01-01T00:00:00.000Z")
    expect_error(400, admin.update_repo_domains, UpdateRepoDomainsRequest(namespace=ns, repository="private", access_domain=beta, body=past))
    admin.delete_repo_domains(DeleteRepoDomainsRequest(namespace=ns, repository="private", access_domain=beta))
    assert inspect(sandbox, skopeo, f"{ns}/private:1.0", sandbox.login(1, 0)).returncode != 0


def test_bad_share_values_are_refused(sandbox, admin, ns):
    beta = sandbox.account(1)["domain_name"]
    for body in [
        CreateRepoDomainsRequestBody(access_domain=beta, permit="write", deadline="forever"),
        CreateRepoDomainsRequestBody(access_domain=beta, permit="read", deadline="yesterday"),
        CreateRepoDomainsRequestBody(access_domain=beta, permit="read", deadline="forever", description="d" * 1001),
        CreateRepoDomainsRequestBody(access_domain="no-such-account", permit="read", deadline="forever"),
    ]:
        expect_error(400, admin.create_repo_domains, CreateRepoDomainsRequest(namespace=ns, repository="private", body=body))


def test_center_is_required(admin):
    expect_error(400, admin.list_shared_repos_details, ListSharedReposDetailsRequest(center="nobody"))
