import { useQuery } from "@tanstack/react-query";

import { useIpc, type CommandError, type Dashboard } from "../../ipc";
import { browseKeys } from "../browse/queries";

export const dashboardKeys = {
  // Under the profile's browsing key: what deletes or copies images makes the totals stale too.
  of: (profileId: string) => [...browseKeys.profile(profileId), "dashboard"] as const,
};

export function useDashboard(profileId: string) {
  const client = useIpc();
  return useQuery<Dashboard, CommandError>({
    queryKey: dashboardKeys.of(profileId),
    queryFn: () => client.dashboard(profileId),
  });
}
