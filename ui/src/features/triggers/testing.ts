// Fixtures the triggers tests share: an image with three triggers of each condition type.

import type { Trigger, TriggerHistory } from "../../ipc";
import { mockImageRow, mockTagRow } from "../../ipc/mock";

export const PATH = "/images/team-a/web/triggers";

export function run(tag: string, result: string, extra: Partial<TriggerHistory> = {}): TriggerHistory {
  return {
    action: "update",
    app_type: "statefulsets",
    application: "worker",
    cluster_id: "",
    cluster_name: "",
    cluster_ns: "jobs",
    condition: "v1.0;v1.1",
    container: "app",
    created_at: "2026-11-02T09:00:00Z",
    creator_name: "swr",
    detail: "",
    result,
    tag,
    ...extra,
  };
}

export function trigger(name: string, extra: Partial<Trigger> = {}): Trigger {
  return {
    name,
    enable: true,
    action: "update",
    app_type: "deployments",
    application: "web",
    cluster_id: "",
    cluster_name: "prod-cluster",
    cluster_ns: "default",
    condition: ".*",
    container: "",
    trigger_mode: "cce",
    trigger_type: "all",
    created_at: "2026-11-01T08:00:00Z",
    creator_name: "admin",
    trigger_history: [],
    ...extra,
  };
}

export const TRIGGERS: Trigger[] = [
  trigger("deploy-all", { cluster_id: "4f1c-cluster-id" }),
  trigger("release-tags", {
    trigger_type: "tag",
    condition: "v1.0;v1.1",
    trigger_mode: "cci",
    cluster_name: "",
    cluster_ns: "jobs",
    app_type: "statefulsets",
    application: "worker",
    container: "app",
    trigger_history: [
      run("v1.0", "success", { detail: "worker updated", created_at: "2026-11-02T09:00:00Z" }),
      run("v1.1", "failed", { detail: "image pull failed", created_at: "2026-11-03T09:00:00Z" }),
    ],
  }),
  trigger("nightly", { trigger_type: "regular", condition: "nightly-\\d+", enable: false }),
];

export const OPTIONS = {
  images: [mockImageRow("team-a", "web")],
  tags: { "team-a/web": [mockTagRow("v1.1"), mockTagRow("nightly-7"), mockTagRow("latest")] },
  triggers: { "team-a/web": TRIGGERS },
};
