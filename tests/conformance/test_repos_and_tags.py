"""Repositories, tags (v2 and v3 lists, show, retag, delete), accessories and references."""

import pytest
from huaweicloudsdkswr.v2 import (
    CreateNamespaceRequest,
    CreateNamespaceRequestBody,
    CreateRepoRequest,
    CreateRepoRequestBody,
    CreateRepoTagRequest,
    CreateRepoTagRequestBody,
    DeleteRepoRequest,
    DeleteRepoTagRequest,
    ListRepoAccessoriesRequest,
    ListRepoDetailsRequest,
    ListReferencesRequest,
    ListReposDetailsRequest,
    ListRepositoryTagRequest,
    ListRepositoryTagsRequest,
    ShowDomainOverviewRequest,
    ShowRepositoryRequest,
    ShowRepoTagRequest,
    UpdateRepoRequest,
    UpdateRepoRequestBody,
)

from conftest import expect_error, swr_error_code, unique


@pytest.fixture(scope="module")
def ns(admin, push):
    name = unique("repos")
    admin.create_namespace(CreateNamespaceRequest(body=CreateNamespaceRequestBody(namespace=name)))
    for tag in ["v1", "v2", "v3"]:
        push(name, "group/app", tag)
    return name


def test_push_creates_the_repository_with_its_tags(admin, ns):
    repo = admin.show_repository(ShowRepositoryRequest(namespace=ns, repository="group$app"))
    assert repo.name == "group/app"
    assert repo.num_images == 3
    assert repo.is_public is False
    assert repo.size > 0
    assert repo.path.endswith(f"/{ns}/group/app")


def test_create_update_delete_repository(admin, ns):
    body = CreateRepoRequestBody(repository="tools/cli", is_public=False, category="other", description="x")
    admin.create_repo(CreateRepoRequest(namespace=ns, body=body))
    expect_error(409, admin.create_repo, CreateRepoRequest(namespace=ns, body=body))
    admin.update_repo(
        UpdateRepoRequest(
            namespace=ns,
            repository="tools$cli",
            body=UpdateRepoRequestBody(is_public=True, category="linux", description="Command line tools"),
        )
    )
    shown = admin.show_repository(ShowRepositoryRequest(namespace=ns, repository="tools$cli"))
    assert (shown.is_public, shown.category, shown.description) == (True, "linux", "Command line tools")
    admin.delete_repo(DeleteRepoRequest(namespace=ns, repository="tools$cli"))
    exc = expect_error(404, admin.show_repository, ShowRepositoryRequest(namespace=ns, repository="tools$cli"))
    assert swr_error_code(exc) == "SVCSTG.SWR.4040010"


def test_bad_repository_values_are_refused(admin, ns):
    for body in [
        CreateRepoRequestBody(repository="Bad", is_public=False),
        CreateRepoRequestBody(repository="a//b", is_public=False),
        CreateRepoRequestBody(repository="ok", is_public=False, category="bogus"),
        CreateRepoRequestBody(repository="ok", is_public=False, description="d" * 30001),
    ]:
        expect_error(400, admin.create_repo, CreateRepoRequest(namespace=ns, body=body))


def test_non_empty_repository_cannot_be_deleted(admin, ns):
    exc = expect_error(406, admin.delete_repo, DeleteRepoRequest(namespace=ns, repository="group$app"))
    assert swr_error_code(exc) == "SVCSTG.SWR.4060012"


def test_v2_repository_list_pages_with_content_range(admin, ns):
    admin.create_repo(CreateRepoRequest(namespace=ns, body=CreateRepoRequestBody(repository="second", is_public=False)))
    first = admin.list_repos_details(ListReposDetailsRequest(namespace=ns, limit="1", offset="0"))
    assert first.content_range == "0-1/2"
    assert len(first.body) == 1 and first.body[0].total_range == 2
    second = admin.list_repos_details(ListReposDetailsRequest(filter=f"namespace::{ns}|limit::1|offset::1"))
    assert second.content_range == "1-1/2"
    assert {first.body[0].name, second.body[0].name} == {"group/app", "second"}
    fuzzy = admin.list_repos_details(ListReposDetailsRequest(namespace=ns, name="app"))
    assert [r.name for r in fuzzy.body] == ["group/app"]
    assert sorted(fuzzy.body[0].tags) == ["v1", "v2", "v3"]
    expect_error(400, admin.list_repos_details, ListReposDetailsRequest(limit="1001", offset="0"))


def test_v3_repository_list_uses_an_integer_marker(admin, ns):
    page = admin.list_repo_details(ListRepoDetailsRequest(namespace=ns, limit=1))
    assert len(page.repos) == 1 and isinstance(page.next_marker, int)
    rest = admin.list_repo_details(ListRepoDetailsRequest(namespace=ns, limit=1, marker=page.next_marker))
    assert len(rest.repos) == 1 and rest.repos[0].name != page.repos[0].name
    assert rest.next_marker is None
    assert rest.repos[0].namespace_name == ns


def test_tag_lists_show_and_retag(admin, ns):
    v2 = admin.list_repository_tags(ListRepositoryTagsRequest(namespace=ns, repository="group$app", limit="2", offset="0"))
    assert v2.content_range == "0-2/3"
    assert all(t.tag.startswith("v") and t.digest.startswith("sha256:") for t in v2.body)
    v3 = admin.list_repository_tag(ListRepositoryTagRequest(namespace=ns, repository="group$app", limit=2, order_column="tag", order_type="asc"))
    assert [t.tag for t in v3.tags] == ["v1", "v2"] and v3.has_more is True
    last = admin.list_repository_tag(ListRepositoryTagRequest(namespace=ns, repository="group$app", limit=2, marker=v3.next_marker, order_column="tag", order_type="asc"))
    assert [t.tag for t in last.tags] == ["v3"] and last.has_more is False
    shown = admin.show_repo_tag(ShowRepoTagRequest(namespace=ns, repository="group$app", tag="v1"))
    assert shown.tag == "v1" and shown.schema == 2 and shown.tag_type == 0 and '"layers"' in shown.manifest
    admin.create_repo_tag(
        CreateRepoTagRequest(namespace=ns, repository="group$app", body=CreateRepoTagRequestBody(source_tag="v1", destination_tag="stable"))
    )
    copy = admin.show_repo_tag(ShowRepoTagRequest(namespace=ns, repository="group$app", tag="stable"))
    assert copy.digest == shown.digest
    expect_error(
        409,
        admin.create_repo_tag,
        CreateRepoTagRequest(namespace=ns, repository="group$app", body=CreateRepoTagRequestBody(source_tag="v2", destination_tag="stable")),
    )
    # deleting one of two tags of the same image keeps the other one
    admin.delete_repo_tag(DeleteRepoTagRequest(namespace=ns, repository="group$app", tag="stable"))
    exc = expect_error(404, admin.show_repo_tag, ShowRepoTagRequest(namespace=ns, repository="group$app", tag="stable"))
    assert swr_error_code(exc) == "SVCSTG.SWR.4040048"
    assert admin.show_repo_tag(ShowRepoTagRequest(namespace=ns, repository="group$app", tag="v1")).digest == shown.digest


def test_accessories_and_references_of_a_plain_image_are_empty(admin, ns):
    acc = admin.list_repo_accessories(ListRepoAccessoriesRequest(namespace=ns, repository="group$app", tag="v1"))
    assert acc.total == 0 and acc.accessories == []
    refs = admin.list_references(ListReferencesRequest(namespace=ns, repository="group$app", tag="v1"))
    assert refs.tags == [] and refs.has_more is False
    expect_error(400, admin.list_references, ListReferencesRequest(namespace=ns, repository="group$app", tag="v1", limit=11))


def test_overview_counts_the_account(admin, ns):
    o = admin.show_domain_overview(ShowDomainOverviewRequest())
    assert o.domain_name == "sandbox-alpha"
    assert o.namspace_num >= 1 and o.repo_num >= 1 and o.image_num >= 3
