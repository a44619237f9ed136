import { useQuery } from "@tanstack/react-query";

import { useIpc, type CommandError, type ProfileSummary } from "../../ipc";

export const profileKeys = {
  all: ["profiles"] as const,
  active: () => [...profileKeys.all, "active"] as const,
};

export function useActiveProfile() {
  const client = useIpc();
  return useQuery<ProfileSummary | null, CommandError>({
    queryKey: profileKeys.active(),
    queryFn: () => client.activeProfile(),
  });
}
