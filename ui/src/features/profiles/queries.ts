import { useMutation, useQuery } from "@tanstack/react-query";

import {
  useIpc,
  type CommandError,
  type LoginOutputs,
  type ProfileList,
  type ProfileSummary,
  type Region,
} from "../../ipc";

export const profileKeys = {
  all: ["profiles"] as const,
  active: () => [...profileKeys.all, "active"] as const,
  list: () => [...profileKeys.all, "list"] as const,
  regions: () => ["regions"] as const,
  // Masked outputs only; revealed ones are never put in the query cache.
  logins: (id: string) => [...profileKeys.all, "logins", id] as const,
};

export function useActiveProfile() {
  const client = useIpc();
  return useQuery<ProfileSummary | null, CommandError>({
    queryKey: profileKeys.active(),
    queryFn: () => client.activeProfile(),
  });
}

export function useProfiles() {
  const client = useIpc();
  return useQuery<ProfileList, CommandError>({
    queryKey: profileKeys.list(),
    queryFn: () => client.listProfiles(),
  });
}

export function useRegions() {
  const client = useIpc();
  return useQuery<Region[], CommandError>({
    queryKey: profileKeys.regions(),
    queryFn: () => client.listRegions(),
    staleTime: Infinity,
  });
}

export function useLoginOutputs(id: string | null) {
  const client = useIpc();
  return useQuery<LoginOutputs, CommandError>({
    queryKey: profileKeys.logins(id ?? ""),
    queryFn: () => client.loginOutputs(id ?? ""),
    enabled: id !== null,
  });
}

/** Profile changes refresh the list, the header and the outputs. */
export function useProfileMutation<TArgs, TResult>(run: (args: TArgs) => Promise<TResult>) {
  return useMutation<TResult, CommandError, TArgs>({
    mutationFn: run,
    meta: { invalidates: [profileKeys.all] },
  });
}
