// What the Sync tab decides on its own: how a target is written in a select, which jobs are still
// going, and which tags a gap says are worth syncing. Whether an organization name can exist is
// SWR's rule, asked of the backend (`check_value`).

import type { RegionGap, SyncJob, SyncRule } from "../../ipc";

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
