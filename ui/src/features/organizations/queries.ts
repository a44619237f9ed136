// Organizations as the pickers and the Organizations screen share them: the list with the
// user's permission on each, and creating one. Creating refreshes every list keyed under
// `organizationKeys.all`, the browsing screen's rows included.

import { useMutation, useQuery } from "@tanstack/react-query";

import { useIpc, type CommandError, type OrganizationOption } from "../../ipc";

export const organizationKeys = {
  all: ["organizations"] as const,
  of: (profileId: string) => [...organizationKeys.all, profileId] as const,
};

/** The organizations of a profile with the user's permission on each; none without a profile. */
export function useOrganizations(profileId: string | null) {
  const client = useIpc();
  return useQuery<OrganizationOption[], CommandError>({
    queryKey: organizationKeys.of(profileId ?? ""),
    queryFn: () => client.listOrganizations(profileId ?? ""),
    enabled: profileId !== null,
  });
}

export function useCreateOrganization(profileId: string | null) {
  const client = useIpc();
  return useMutation<unknown, CommandError, string>({
    mutationFn: (name) => client.createOrganization(profileId ?? "", name),
    meta: { invalidates: [organizationKeys.all] },
  });
}
