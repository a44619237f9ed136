// What the Sync tab decides on its own: whether an organization name can exist (SWR's rules, as
// the Rust validator states them; the backend checks again), how a target is written in a
// select, which jobs are still going, and which tags a gap says are worth syncing.

import type { RegionGap, SyncJob, SyncRule } from "../../ipc";
import { showChar } from "../triggers/rules";

export const ORGANIZATION_MAX = 64;

export type OrganizationProblem =
  | { rule: "required" | "start" | "end" | "reserved" }
  | { rule: "length"; count: number }
  | { rule: "uppercase"; lower: string }
  | { rule: "charset"; char: string }
  | { rule: "separator"; text: string }
  | { rule: "underscores"; text: string };

const SEPARATORS = new Set([".", "_", "-"]);
const isLower = (c: string) => /^[a-z]$/.test(c);
const isAlnum = (c: string) => /^[a-z0-9]$/.test(c);

/**
 * An organization name: 1–64 lower-case letters, digits and single separators `.` `_` `-` (or
 * `__`), starting with a letter and ending with a letter or digit; `library` is reserved.
 */
export function organizationProblem(name: string): OrganizationProblem | null {
  const chars = Array.from(name);
  if (chars.length === 0) return { rule: "required" };
  if (chars.length > ORGANIZATION_MAX) return { rule: "length", count: chars.length };
  if (/[A-Z]/.test(name)) return { rule: "uppercase", lower: name.toLowerCase() };
  const bad = chars.find((c) => !isAlnum(c) && !SEPARATORS.has(c));
  if (bad !== undefined) return { rule: "charset", char: showChar(bad) };
  if (!isLower(chars[0] ?? "")) return { rule: "start" };
  if (SEPARATORS.has(chars[chars.length - 1] ?? "")) return { rule: "end" };
  for (const run of name.match(/[._-]{2,}/g) ?? []) {
    if (run === "__") continue;
    if (/^_+$/.test(run)) return { rule: "underscores", text: run };
    return { rule: "separator", text: run };
  }
  if (name === "library") return { rule: "reserved" };
  return null;
}

/** Where tags go: a region and an organization there. */
export interface Target {
  region: string;
  namespace: string;
}

/** `region/namespace`, as the target select names a target (neither part can contain `/`). */
export function targetValue({ region, namespace }: Target): string {
  return `${region}/${namespace}`;
}

export function parseTarget(value: string): Target | null {
  const slash = value.indexOf("/");
  if (slash <= 0 || slash === value.length - 1) return null;
  return { region: value.slice(0, slash), namespace: value.slice(slash + 1) };
}

export function ruleTarget(rule: SyncRule): Target {
  return { region: rule.remoteRegionId, namespace: rule.remoteNamespace };
}

export function sameTarget(a: Target, b: Target): boolean {
  return a.region === b.region && a.namespace === b.namespace;
}

/** Job states that are not over yet. */
const GOING = new Set(["waiting", "running"]);

export function isGoing(job: Pick<SyncJob, "status">): boolean {
  return GOING.has(job.status);
}

export function activeJobIds(jobs: readonly SyncJob[]): Set<number> {
  return new Set(jobs.filter(isGoing).map((job) => job.id));
}

/** Newest first; the id breaks ties, since jobs of one sync start in the same second. */
export function newestFirst(jobs: readonly SyncJob[]): SyncJob[] {
  const time = (job: SyncJob) => {
    const at = Date.parse(job.createdAt);
    return Number.isNaN(at) ? 0 : at;
  };
  return [...jobs].sort((a, b) => time(b) - time(a) || b.id - a.id);
}

/** The tags a gap says are not there, or not the same there. */
export function tagsToSync(gap: RegionGap): string[] {
  return gap.rows.filter((row) => row.state !== "same").map((row) => row.tag);
}

export function gapOf(gaps: readonly RegionGap[], target: Target): RegionGap | undefined {
  return gaps.find((gap) => sameTarget(gap, target));
}
