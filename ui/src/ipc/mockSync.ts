// Region sync on the in-memory backend. It serves the regions, rules, jobs and gaps a test
// gives, as they are (comparing tags across regions is the backend's work), stores the rules a
// screen adds or removes, and remembers what was asked.

import type { IpcClient, RegionGap, SyncJob, SyncRule, SyncRuleInput } from "./index";
import { forProfile } from "./mockProfiles";

type SyncClient = Pick<
  IpcClient,
  "syncRegions" | "syncRules" | "addSyncRule" | "deleteSyncRule" | "syncTags" | "syncJobs" | "syncGaps"
>;

export interface MockSyncOptions {
  syncRegions?: string[];
  /** Rules by `org/image`. */
  syncRules?: Record<string, SyncRule[]>;
  /** Jobs by `org/image`. */
  syncJobs?: Record<string, SyncJob[]>;
  /** Gaps by `org/image`. */
  syncGaps?: Record<string, RegionGap[]>;
}

/** What the Sync tab asked for. */
export interface MockSync {
  readonly addedRules: { image: string; rule: SyncRuleInput }[];
  readonly deletedRules: { image: string; region: string; namespace: string }[];
  readonly syncs: { image: string; tags: string[]; region: string; namespace: string; overwrite: boolean }[];
}

export function createMockSync(
  profiles: { exists: (id: string) => boolean },
  options: MockSyncOptions,
): { client: SyncClient; control: MockSync } {
  const rules = new Map(Object.entries(options.syncRules ?? {}).map(([k, v]) => [k, [...v]]));
  const control = {
    addedRules: [] as MockSync["addedRules"],
    deletedRules: [] as MockSync["deletedRules"],
    syncs: [] as MockSync["syncs"],
  };
  const known = forProfile(profiles.exists);
  const client: SyncClient = {
    syncRegions: (profileId) => known(profileId, () => options.syncRegions ?? ["cn-east-3"]),
    syncRules: (profileId, organization, image) => known(profileId, () => [...(rules.get(`${organization}/${image}`) ?? [])]),
    addSyncRule: (profileId, organization, image, rule) => {
      const name = `${organization}/${image}`;
      control.addedRules.push({ image: name, rule });
      return known(profileId, () => {
        const stored: SyncRule = {
          id: (rules.get(name)?.length ?? 0) + 1,
          domainID: "d1",
          domainName: "mock",
          namespace: organization,
          repoName: image,
          remoteRegionId: rule.region,
          remoteNamespace: rule.namespace,
          syncAuto: rule.auto,
          override: rule.overwrite,
          createdAt: "2026-12-04T00:00:00Z",
          updatedAt: "2026-12-04T00:00:00Z",
        };
        rules.set(name, [...(rules.get(name) ?? []), stored]);
      });
    },
    deleteSyncRule: (profileId, organization, image, region, namespace) => {
      const name = `${organization}/${image}`;
      control.deletedRules.push({ image: name, region, namespace });
      return known(profileId, () => {
        rules.set(
          name,
          (rules.get(name) ?? []).filter((r) => !(r.remoteRegionId === region && r.remoteNamespace === namespace)),
        );
      });
    },
    syncTags: (profileId, organization, image, { tags, region, namespace, overwrite }) => {
      control.syncs.push({ image: `${organization}/${image}`, tags, region, namespace, overwrite });
      return known(profileId, () => undefined);
    },
    syncJobs: (profileId, organization, image) => known(profileId, () => options.syncJobs?.[`${organization}/${image}`] ?? []),
    syncGaps: (profileId, organization, image) => known(profileId, () => options.syncGaps?.[`${organization}/${image}`] ?? []),
  };
  return { client, control };
}
