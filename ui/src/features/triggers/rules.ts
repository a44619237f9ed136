// The trigger rules checked as the user types. They follow SWR's rules as the backend states them;
// the backend checks every new trigger again and is the authority.

import type { CreateTriggerRequest } from "../../ipc";

export const NAME_MAX = 64;
export const TAG_MAX = 128;

export type TriggerType = "all" | "tag" | "regular";
export type TriggerMode = "cce" | "cci";
export type AppType = "deployments" | "statefulsets";

export const TRIGGER_TYPES: readonly TriggerType[] = ["all", "tag", "regular"];
export const TRIGGER_MODES: readonly TriggerMode[] = ["cce", "cci"];
export const APP_TYPES: readonly AppType[] = ["deployments", "statefulsets"];

/** A broken rule, as an i18n key under `triggers.rules` and the values its message needs. */
export type Problem =
  | { rule: "name.required" | "name.start" | "name.end" }
  | { rule: "name.length"; count: number }
  | { rule: "name.charset"; char: string }
  | { rule: "name.separator"; text: string }
  | { rule: "tag.length"; tag: string; count: number }
  | { rule: "tag.charset"; tag: string; char: string }
  | { rule: "tag.start"; tag: string }
  | { rule: "condition.noTags" | "condition.noExpression" }
  | { rule: "condition.regex"; reason: string }
  | { rule: "clusterName.required" | "namespace.required" | "application.required" };

const SEPARATORS = new Set(["_", "-"]);
const isLetter = (c: string) => /^[A-Za-z]$/.test(c);
const isAlnum = (c: string) => /^[A-Za-z0-9]$/.test(c);

/** How a character is named in a message: visible characters as they are, others by code point. */
export function showChar(c: string): string {
  if (/^\s$/u.test(c) || /^\p{C}$/u.test(c)) {
    return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
  }
  return `'${c}'`;
}

/** A trigger name: 1–64 letters, digits, `_` and `-`; starts with a letter; no separator at the end or next to another. */
export function nameProblem(name: string): Problem | null {
  const chars = Array.from(name);
  if (chars.length === 0) return { rule: "name.required" };
  if (chars.length > NAME_MAX) return { rule: "name.length", count: chars.length };
  const bad = chars.find((c) => !isAlnum(c) && !SEPARATORS.has(c));
  if (bad !== undefined) return { rule: "name.charset", char: showChar(bad) };
  if (!isLetter(chars[0] ?? "")) return { rule: "name.start" };
  if (SEPARATORS.has(chars[chars.length - 1] ?? "")) return { rule: "name.end" };
  const run = /[_-]{2,}/.exec(name);
  if (run) return { rule: "name.separator", text: run[0] };
  return null;
}

/** A docker tag: up to 128 of letters, digits, `_`, `.` and `-`, not starting with `.` or `-`. */
export function tagProblem(tag: string): Problem | null {
  const chars = Array.from(tag);
  if (chars.length > TAG_MAX) return { rule: "tag.length", tag, count: chars.length };
  const bad = chars.find((c) => !/^[A-Za-z0-9_.-]$/.test(c));
  if (bad !== undefined) return { rule: "tag.charset", tag, char: showChar(bad) };
  if (tag.startsWith(".") || tag.startsWith("-")) return { rule: "tag.start", tag };
  return null;
}

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

/** What is wrong with the condition of a trigger of type `type`, or null. */
export function conditionProblem(type: TriggerType, condition: string): Problem | null {
  switch (type) {
    case "all":
      return null;
    case "tag": {
      const tags = listedTags(condition);
      if (tags.length === 0) return { rule: "condition.noTags" };
      for (const tag of tags) {
        const problem = tagProblem(tag);
        if (problem) return problem;
      }
      return null;
    }
    case "regular":
      if (condition.trim() === "") return { rule: "condition.noExpression" };
      try {
        new RegExp(condition);
        return null;
      } catch (reason) {
        return { rule: "condition.regex", reason: reason instanceof Error ? reason.message : String(reason) };
      }
  }
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

/** Every problem of the draft, by field. */
export function draftProblems(draft: TriggerDraft): Partial<Record<DraftField, Problem>> {
  const problems: Partial<Record<DraftField, Problem>> = {};
  const name = nameProblem(draft.name);
  if (name) problems.name = name;
  const condition = conditionProblem(draft.type, draft.condition);
  if (condition) problems.condition = condition;
  if (draft.mode === "cce" && draft.clusterName.trim() === "") problems.clusterName = { rule: "clusterName.required" };
  if (draft.namespace.trim() === "") problems.namespace = { rule: "namespace.required" };
  if (draft.application.trim() === "") problems.application = { rule: "application.required" };
  return problems;
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
