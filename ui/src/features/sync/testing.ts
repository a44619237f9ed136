// Fixtures the sync tests share: team-a/web with four tags, two rules (one target readable,
// one not), and a few jobs.

import { screen, waitFor } from "@testing-library/react";

import { CommandError, type GapRow, type IpcError, type RegionGap, type SyncJob, type SyncRule } from "../../ipc";
import { mockImageRow, mockTagRow } from "../../ipc/mock";

export const PATH = "/images/team-a/web/sync";
export const IMAGE = "team-a/web";

export const DIGEST_A = `sha256:${"a".repeat(64)}`;
export const DIGEST_B = `sha256:${"b".repeat(64)}`;
export const DIGEST_C = `sha256:${"c".repeat(64)}`;

export function rule(region: string, namespace: string, extra: Partial<SyncRule> = {}): SyncRule {
  return {
    id: 1,
    domainID: "d1",
    domainName: "mock",
    namespace: "team-a",
    repoName: "web",
    remoteRegionId: region,
    remoteNamespace: namespace,
    syncAuto: false,
    override: false,
    createdAt: "2026-11-01T08:00:00Z",
    updatedAt: "2026-11-01T08:00:00Z",
    ...extra,
  };
}

export function job(id: number, tag: string, status: string, extra: Partial<SyncJob> = {}): SyncJob {
  return {
    id,
    domainID: "d1",
    domainName: "mock",
    namespace: "team-a",
    repoName: "web",
    tag,
    remoteRegionId: "cn-east-3",
    remoteNamespace: "team-a",
    override: false,
    status,
    syncOperatorId: "u1",
    syncOperatorName: "admin",
    createdAt: "2026-11-02T12:00:00Z",
    updatedAt: "2026-11-02T12:01:00Z",
    ...extra,
  };
}

export function row(tag: string, digest: string, remoteDigest: string | null): GapRow {
  const state = remoteDigest === null ? "missing" : remoteDigest === digest ? "same" : "differs";
  return { tag, digest, remoteDigest, state };
}

/** A gap with its counts taken from its rows, as the backend sends it. */
export function gap(region: string, namespace: string, rows: GapRow[], problem: string | null = null): RegionGap {
  const count = (state: GapRow["state"]) => rows.filter((r) => r.state === state).length;
  return { region, namespace, rows, missing: count("missing"), differs: count("differs"), same: count("same"), problem };
}

export const RULES: SyncRule[] = [
  rule("cn-east-3", "team-a", { id: 1, syncAuto: true }),
  rule("ap-southeast-1", "mirror", { id: 2, override: true }),
];

export const GAPS: RegionGap[] = [
  gap("cn-east-3", "team-a", [
    row("latest", DIGEST_A, DIGEST_A),
    row("v2.0", DIGEST_A, DIGEST_B),
    row("v1.1", DIGEST_C, null),
    row("v1.0", DIGEST_B, DIGEST_B),
  ]),
  gap("ap-southeast-1", "mirror", [], "no endpoints are known for region ap-southeast-1"),
];

export const JOBS: SyncJob[] = [
  job(1, "v1.0", "success", { createdAt: "2026-11-02T12:00:00Z" }),
  job(2, "v2.0", "failed", { createdAt: "2026-11-03T12:00:00Z", remoteRegionId: "ap-southeast-1", remoteNamespace: "mirror" }),
];

/** Backend options for a fresh copy of every fixture, so a test may change them as it goes. */
export function options() {
  return {
    images: [mockImageRow("team-a", "web")],
    tags: { [IMAGE]: [mockTagRow("latest"), mockTagRow("v2.0"), mockTagRow("v1.1"), mockTagRow("v1.0")] },
    syncRegions: ["cn-east-3", "ap-southeast-1", "ap-southeast-3"],
    syncRules: { [IMAGE]: structuredClone(RULES) },
    syncJobs: { [IMAGE]: structuredClone(JOBS) },
    syncGaps: { [IMAGE]: structuredClone(GAPS) },
  };
}

export function violation(field: string, en: string, zhCn: string): CommandError {
  const error: IpcError = {
    code: "invalidInput",
    message: en,
    requestId: "req-7",
    retryable: false,
    violation: { field, rule: `${field}.rule`, value: "", message: { en, zhCn } },
    advice: null,
  };
  return new CommandError(error);
}

export function refused(message: string): CommandError {
  return new CommandError({ code: "service", message, requestId: "req-9", retryable: false, violation: null, advice: null });
}

/** Elements with test id `testId` whose `data-*` attributes match `data`. */
export function byData(testId: string, data: Record<string, string>): HTMLElement[] {
  return screen
    .queryAllByTestId(testId)
    .filter((el) => Object.entries(data).every(([key, value]) => el.dataset[key] === value));
}

export async function findByData(testId: string, data: Record<string, string>): Promise<HTMLElement> {
  return waitFor(() => {
    const [found] = byData(testId, data);
    if (!found) throw new Error(`no ${testId} with ${JSON.stringify(data)}`);
    return found;
  });
}
