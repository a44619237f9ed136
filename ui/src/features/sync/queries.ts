import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";

import { useIpc, type CommandError, type IpcClient, type RegionGap, type SyncJob, type SyncNow, type SyncRule, type SyncRuleInput } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { journalKeys } from "../journal/queries";
import { activeJobIds } from "./rules";

/** How often the jobs are read again while one of them is still going. */
export const JOBS_POLL_MS = 2000;

export const syncKeys = {
  all: ["sync"] as const,
  profile: (profileId: string) => [...syncKeys.all, profileId] as const,
  regions: (profileId: string) => [...syncKeys.profile(profileId), "regions"] as const,
  image: (profileId: string, organization: string, image: string) =>
    [...syncKeys.profile(profileId), "image", organization, image] as const,
  rules: (profileId: string, organization: string, image: string) =>
    [...syncKeys.image(profileId, organization, image), "rules"] as const,
  jobs: (profileId: string, organization: string, image: string) =>
    [...syncKeys.image(profileId, organization, image), "jobs"] as const,
  gaps: (profileId: string, organization: string, image: string) =>
    [...syncKeys.image(profileId, organization, image), "gaps"] as const,
};

/** The regions this account can sync to; they change with the account, not with the image. */
export function useSyncRegions(profileId: string) {
  const client = useIpc();
  return useQuery<string[], CommandError>({
    queryKey: syncKeys.regions(profileId),
    queryFn: () => client.syncRegions(profileId),
    staleTime: 5 * 60_000,
  });
}

export function syncRulesQuery(client: IpcClient, { profileId, organization, image }: ImageRef) {
  return queryOptions<SyncRule[], CommandError>({
    queryKey: syncKeys.rules(profileId, organization, image),
    queryFn: () => client.syncRules(profileId, organization, image),
  });
}

export function useSyncRules(ref: ImageRef) {
  return useQuery(syncRulesQuery(useIpc(), ref));
}

/**
 * The image's sync jobs, read again every {@link JOBS_POLL_MS} while one is waiting or running,
 * and until `watchUntil` (ms since the epoch): SWR creates the jobs of a manual sync a moment
 * after it accepted it. When the last job that was going ends, the gap view is read again.
 */
export function useSyncJobs(ref: ImageRef, watchUntil: number) {
  const client = useIpc();
  const queryClient = useQueryClient();
  const { profileId, organization, image } = ref;
  const jobs = useQuery<SyncJob[], CommandError>({
    queryKey: syncKeys.jobs(profileId, organization, image),
    queryFn: () => client.syncJobs(profileId, organization, image),
    refetchInterval: (query) =>
      activeJobIds(query.state.data ?? []).size > 0 || Date.now() < watchUntil ? JOBS_POLL_MS : false,
  });

  const going = useRef<ReadonlySet<number>>(new Set());
  const { data } = jobs;
  useEffect(() => {
    if (data === undefined) return;
    const now = activeJobIds(data);
    const allEnded = going.current.size > 0 && now.size === 0;
    going.current = now;
    // Once, when the last job ends: comparing reads every tag in two regions, too much to redo
    // per job, and a comparison already under way is left to finish.
    if (allEnded) {
      void queryClient.invalidateQueries({ queryKey: syncKeys.gaps(profileId, organization, image) }, { cancelRefetch: false });
    }
  }, [data, queryClient, profileId, organization, image]);

  return jobs;
}

/** For each rule, the tags here compared with the target region's; reads both regions. */
export function useSyncGaps(ref: ImageRef) {
  const client = useIpc();
  const { profileId, organization, image } = ref;
  return useQuery<RegionGap[], CommandError>({
    queryKey: syncKeys.gaps(profileId, organization, image),
    queryFn: () => client.syncGaps(profileId, organization, image),
  });
}

/** A rule change reads the rules and the gaps (one per rule) again, and adds a journal entry. */
function ruleChange({ profileId, organization, image }: ImageRef) {
  return { invalidates: [syncKeys.rules(profileId, organization, image), syncKeys.gaps(profileId, organization, image), journalKeys.all] };
}

export function useAddSyncRule(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, SyncRuleInput>({
    mutationFn: (rule) => client.addSyncRule(ref.profileId, ref.organization, ref.image, rule),
    meta: ruleChange(ref),
  });
}

export function useDeleteSyncRule(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, { region: string; namespace: string }>({
    mutationFn: ({ region, namespace }) => client.deleteSyncRule(ref.profileId, ref.organization, ref.image, region, namespace),
    meta: ruleChange(ref),
  });
}


/** A manual sync starts jobs: the job list is read again, and the journal has an entry. */
export function useSyncTags(ref: ImageRef) {
  const client = useIpc();
  const { profileId, organization, image } = ref;
  return useMutation<unknown, CommandError, SyncNow>({
    mutationFn: (request) => client.syncTags(profileId, organization, image, request),
    meta: { invalidates: [syncKeys.jobs(profileId, organization, image), journalKeys.all] },
  });
}
