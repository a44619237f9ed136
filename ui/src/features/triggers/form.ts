// The add form's draft and how it becomes SWR's request; how the form reads a list of tags and
// names the backend's fields. SWR's rules themselves are checked by the backend (`check_trigger`).

import type { CreateTriggerRequest, RuleViolation } from "../../ipc";

export type TriggerType = "all" | "tag" | "regular";
export type TriggerMode = "cce" | "cci";
export type AppType = "deployments" | "statefulsets";

export const TRIGGER_TYPES: readonly TriggerType[] = ["all", "tag", "regular"];
export const TRIGGER_MODES: readonly TriggerMode[] = ["cce", "cci"];
export const APP_TYPES: readonly AppType[] = ["deployments", "statefulsets"];

/**
 * The tags a "specific tags" condition lists. SWR separates them with `;`; commas and spaces are
 * read as separators too, since no tag can contain them.
 */
export function listedTags(condition: string): string[] {
  return condition.split(/[;,\s]+/).filter((tag) => tag !== "");
}

/** The tags a stored "specific tags" condition lists, read as SWR reads them. */
export function storedTags(condition: string): string[] {
  return condition
    .split(";")
    .map((tag) => tag.trim())
    .filter((tag) => tag !== "");
}

/** The add form as the user fills it in. */
export interface TriggerDraft {
  name: string;
  type: TriggerType;
  condition: string;
  mode: TriggerMode;
  clusterName: string;
  clusterId: string;
  namespace: string;
  appType: AppType;
  application: string;
  container: string;
  enabled: boolean;
}

export const EMPTY_DRAFT: TriggerDraft = {
  name: "",
  type: "all",
  condition: "",
  mode: "cce",
  clusterName: "",
  clusterId: "",
  namespace: "",
  appType: "deployments",
  application: "",
  container: "",
  enabled: true,
};

/** The form's fields; a rule violation from the backend is shown on one of them. */
export type DraftField = "name" | "triggerType" | "condition" | "triggerMode" | "clusterName" | "namespace" | "appType" | "application";

/** Field names of the backend's rule violations, as the form names them. */
const BACKEND_FIELDS: Record<string, DraftField> = {
  trigger_name: "name",
  triggerType: "triggerType",
  condition: "condition",
  triggerMode: "triggerMode",
  clusterName: "clusterName",
  clusterNs: "namespace",
  appType: "appType",
  application: "application",
};

export function formField(backendField: string): DraftField | null {
  return Object.hasOwn(BACKEND_FIELDS, backendField) ? (BACKEND_FIELDS[backendField] ?? null) : null;
}

/** The backend's violations by the form's field, the first for each field. */
export function violationsByField(violations: readonly RuleViolation[]): Partial<Record<DraftField, RuleViolation>> {
  const byField: Partial<Record<DraftField, RuleViolation>> = {};
  for (const violation of violations) {
    const field = formField(violation.field);
    if (field !== null && byField[field] === undefined) byField[field] = violation;
  }
  return byField;
}

/** The request the backend gets: SWR's condition format, no cluster for CCI, trimmed names. */
export function toRequest(draft: TriggerDraft): CreateTriggerRequest {
  const cce = draft.mode === "cce";
  return {
    name: draft.name,
    enable: draft.enabled,
    action: "update",
    trigger_mode: draft.mode,
    trigger_type: draft.type,
    condition: draft.type === "all" ? ".*" : draft.type === "tag" ? listedTags(draft.condition).join(";") : draft.condition,
    app_type: draft.appType,
    application: draft.application.trim(),
    cluster_id: cce ? draft.clusterId.trim() : "",
    cluster_name: cce ? draft.clusterName.trim() : "",
    cluster_ns: draft.namespace.trim(),
    container: draft.container.trim(),
  };
}

/**
 * `tag` in three parts around `[start, end)`, counted in characters (code points) as the
 * backend counts them; null when there is no such range.
 */
export function splitMatch(tag: string, matched: [number, number] | null): [string, string, string] | null {
  if (matched === null) return null;
  const chars = Array.from(tag);
  const [start, end] = matched;
  if (start < 0 || end > chars.length || start >= end) return null;
  return [chars.slice(0, start).join(""), chars.slice(start, end).join(""), chars.slice(end).join("")];
}
