"""Retention policies and histories, triggers and their history, image synchronisation,
quotas, feature gates, reports and the agency."""

import json

import pytest
from huaweicloudsdkswr.v2 import (
    CheckAgencyRequest,
    CreateAgencyRequest,
    CreateImageSyncRepoRequest,
    CreateImageSyncRepoRequestBody,
    CreateManualImageSyncRepoRequest,
    CreateManualImageSyncRepoRequestBody,
    CreateNamespaceRequest,
    CreateNamespaceRequestBody,
    CreateRetentionRequest,
    CreateRetentionRequestBody,
    CreateTriggerRequest,
    CreateTriggerRequestBody,
    DeleteImageSyncRepoRequest,
    DeleteImageSyncRepoRequestBody,
    DeleteRetentionRequest,
    DeleteTriggerRequest,
    ListImageAutoSyncReposDetailsRequest,
    ListRepositoryTagsRequest,
    ListRetentionHistoriesRequest,
    ListRetentionsRequest,
    ListSyncRegionsRequest,
    ListTriggersDetailsRequest,
    Rule,
    ShowDomainResourceReportsRequest,
    ShowRetentionRequest,
    ShowShareFeatureGatesRequest,
    ShowSyncJobRequest,
    ShowTriggerRequest,
    TagSelector,
    UpdateRetentionRequest,
    UpdateRetentionRequestBody,
    UpdateTriggerRequest,
    UpdateTriggerRequestBody,
)

from conftest import expect_error, unique


@pytest.fixture(scope="module")
def ns(admin):
    name = unique("life")
    admin.create_namespace(CreateNamespaceRequest(body=CreateNamespaceRequestBody(namespace=name)))
    return name


def tags(admin, ns, repo):
    return sorted(t.tag for t in admin.list_repository_tags(ListRepositoryTagsRequest(namespace=ns, repository=repo)).body)


def keep(n, selectors=()):
    return Rule(template="tag_rule", params={"num": str(n)}, tag_selectors=[TagSelector(kind=k, pattern=p) for k, p in selectors])


def test_retention_runs_on_create_and_after_each_push(admin, ns, push, sandbox, skopeo):
    for tag in ["1", "2", "3", "keep-me"]:
        push(ns, "aged", tag)
    created = admin.create_retention(CreateRetentionRequest(
        namespace=ns, repository="aged",
        body=CreateRetentionRequestBody(algorithm="or", rules=[keep(2, [("label", "keep-me")])])))
    assert isinstance(created.id, int)
    assert tags(admin, ns, "aged") == ["2", "3", "keep-me"]
    expect_error(409, admin.create_retention, CreateRetentionRequest(
        namespace=ns, repository="aged", body=CreateRetentionRequestBody(algorithm="or", rules=[keep(5)])))
    push(ns, "aged", "4")
    assert tags(admin, ns, "aged") == ["3", "4", "keep-me"]
    history = admin.list_retention_histories(ListRetentionHistoriesRequest(namespace=ns, repository="aged", limit="10", offset="0"))
    assert history.total == 2 and history.content_range == "0-2/2"
    assert sorted(r.tag for r in history.retention_log) == ["1", "2"]
    assert json.loads(history.retention_log[0].rule_type)["template"] == "tag_rule"
    assert all(r.retention_id == created.id for r in history.retention_log)
    # the removed image is gone from the registry too
    import subprocess
    user, password = sandbox.login(0, 0)
    gone = subprocess.run([skopeo, "inspect", "--tls-verify=false", "--creds", f"{user}:{password}",
                           f"docker://{sandbox.registry}/{ns}/aged:1"], capture_output=True, text=True)
    assert gone.returncode != 0
    listed = admin.list_retentions(ListRetentionsRequest(namespace=ns, repository="aged")).body
    assert [r.id for r in listed] == [created.id]
    admin.update_retention(UpdateRetentionRequest(
        namespace=ns, repository="aged", retention_id=created.id,
        body=UpdateRetentionRequestBody(algorithm="or", rules=[keep(1)])))
    assert tags(admin, ns, "aged") == ["4"]
    shown = admin.show_retention(ShowRetentionRequest(namespace=ns, repository="aged", retention_id=created.id))
    assert shown.rules[0].params == {"num": "1"}
    admin.delete_retention(DeleteRetentionRequest(namespace=ns, repository="aged", retention_id=created.id))
    assert not admin.list_retentions(ListRetentionsRequest(namespace=ns, repository="aged")).body


def test_out_of_range_retention_values_are_refused(admin, ns):
    admin_repo = "aged"
    for rule in [
        Rule(template="date_rule", params={"days": "366"}, tag_selectors=[]),
        Rule(template="date_rule", params={"days": "0"}, tag_selectors=[]),
        Rule(template="tag_rule", params={"num": "1001"}, tag_selectors=[]),
        Rule(template="tag_rule", params={"num": "ten"}, tag_selectors=[]),
        Rule(template="age_rule", params={"num": "1"}, tag_selectors=[]),
    ]:
        expect_error(400, admin.create_retention, CreateRetentionRequest(
            namespace=ns, repository=admin_repo, body=CreateRetentionRequestBody(algorithm="or", rules=[rule])))
    expect_error(400, admin.create_retention, CreateRetentionRequest(
        namespace=ns, repository=admin_repo, body=CreateRetentionRequestBody(algorithm="and", rules=[keep(1)])))


def trigger_body(name, kind="tag", condition="release"):
    return CreateTriggerRequestBody(
        name=name, action="update", app_type="deployments", application="web", cluster_id="c-1",
        cluster_name="prod", cluster_ns="default", condition=condition, container="", enable="true",
        trigger_mode="cce", trigger_type=kind)


def test_trigger_fires_on_matching_push_and_records_history(admin, ns, push):
    push(ns, "deployed", "init")
    admin.create_trigger(CreateTriggerRequest(namespace=ns, repository="deployed", body=trigger_body("on-release")))
    admin.create_trigger(CreateTriggerRequest(namespace=ns, repository="deployed", body=trigger_body("on-regex", "regular", "^v[0-9]+$")))
    expect_error(409, admin.create_trigger, CreateTriggerRequest(namespace=ns, repository="deployed", body=trigger_body("on-release")))
    push(ns, "deployed", "release")
    push(ns, "deployed", "v7")
    push(ns, "deployed", "other")
    t = admin.show_trigger(ShowTriggerRequest(namespace=ns, repository="deployed", trigger="on-release"))
    assert [h.tag for h in t.trigger_history] == ["release"]
    assert t.trigger_history[0].result == "success"
    assert t.enable == "true"
    listed = admin.list_triggers_details(ListTriggersDetailsRequest(namespace=ns, repository="deployed")).body
    regex = next(x for x in listed if x.name == "on-regex")
    assert [h.tag for h in regex.trigger_history] == ["v7"]
    admin.update_trigger(UpdateTriggerRequest(namespace=ns, repository="deployed", trigger="on-release",
                                              body=UpdateTriggerRequestBody(enable="false")))
    push(ns, "deployed", "release", text="second release")
    t = admin.show_trigger(ShowTriggerRequest(namespace=ns, repository="deployed", trigger="on-release"))
    assert t.enable == "false" and len(t.trigger_history) == 1
    admin.delete_trigger(DeleteTriggerRequest(namespace=ns, repository="deployed", trigger="on-regex"))
    expect_error(404, admin.show_trigger, ShowTriggerRequest(namespace=ns, repository="deployed", trigger="on-regex"))


def test_bad_trigger_values_are_refused(admin, ns, dev):
    for body in [trigger_body("bad", kind="sometimes"), trigger_body("bad", kind="regular", condition="("),
                 trigger_body("has space")]:
        expect_error(400, admin.create_trigger, CreateTriggerRequest(namespace=ns, repository="deployed", body=body))
    expect_error(403, dev.create_trigger, CreateTriggerRequest(namespace=ns, repository="deployed", body=trigger_body("dev")))


def test_image_sync_rules_and_jobs(admin, ns, sandbox):
    regions = [r.region_id for r in admin.list_sync_regions(ListSyncRegionsRequest()).body]
    assert regions and sandbox.region not in regions
    target = regions[0]
    admin.create_image_sync_repo(CreateImageSyncRepoRequest(namespace=ns, repository="deployed",
        body=CreateImageSyncRepoRequestBody(remote_region_id=target, remote_namespace="mirror", sync_auto=True, override=False)))
    rules = admin.list_image_auto_sync_repos_details(ListImageAutoSyncReposDetailsRequest(namespace=ns, repository="deployed")).body
    assert [(r.remote_region_id, r.remote_namespace, r.sync_auto) for r in rules] == [(target, "mirror", True)]
    failed = admin.create_manual_image_sync_repo(CreateManualImageSyncRepoRequest(namespace=ns, repository="deployed",
        body=CreateManualImageSyncRepoRequestBody(image_tag=["init", "missing"], override=False, remote_namespace="mirror", remote_region_id=target)))
    assert failed.body == ["missing"]
    jobs = admin.show_sync_job(ShowSyncJobRequest(namespace=ns, repository="deployed", filter="limit::10|offset::0|order::desc"))
    assert jobs.content_range.endswith("/1") and jobs.body[0].tag == "init"
    assert jobs.body[0].status in {"waiting", "running", "success", "failed", "timeout", "cancel", "existed"}
    expect_error(400, admin.create_image_sync_repo, CreateImageSyncRepoRequest(namespace=ns, repository="deployed",
        body=CreateImageSyncRepoRequestBody(remote_region_id="mars-1", remote_namespace="mirror")))
    admin.delete_image_sync_repo(DeleteImageSyncRepoRequest(namespace=ns, repository="deployed",
        body=DeleteImageSyncRepoRequestBody(remote_region_id=target, remote_namespace="mirror")))
    assert not admin.list_image_auto_sync_repos_details(ListImageAutoSyncReposDetailsRequest(namespace=ns, repository="deployed")).body


def test_account_level_operations(admin):
    gates = admin.show_share_feature_gates(ShowShareFeatureGatesRequest())
    assert gates.enable_list_v3 is True
    report = admin.show_domain_resource_reports(ShowDomainResourceReportsRequest(resource_type="downflow", frequency="daily"))
    assert len(report.body) == 7
    assert admin.check_agency(CheckAgencyRequest()).is_agency is False
    admin.create_agency(CreateAgencyRequest())
    assert admin.check_agency(CheckAgencyRequest()).is_agency is True
