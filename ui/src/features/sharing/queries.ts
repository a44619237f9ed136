import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";

import { useIpc, type CommandError, type IpcClient, type ShareInput, type ShareRow } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { journalKeys } from "../journal/queries";

export const sharingKeys = {
  all: ["sharing"] as const,
  profile: (profileId: string) => [...sharingKeys.all, profileId] as const,
  image: (profileId: string, organization: string, image: string) =>
    [...sharingKeys.profile(profileId), organization, image] as const,
};

/** The accounts one image is shared with, sorted by account. */
export function sharesQuery(client: IpcClient, { profileId, organization, image }: ImageRef) {
  return queryOptions<ShareRow[], CommandError>({
    queryKey: sharingKeys.image(profileId, organization, image),
    queryFn: () => client.listShares(profileId, organization, image),
  });
}

export function useShares(ref: ImageRef) {
  return useQuery(sharesQuery(useIpc(), ref));
}

/** Every change reads the list again (days left come from the backend) and adds a journal entry. */
function invalidates({ profileId, organization, image }: ImageRef) {
  return { invalidates: [sharingKeys.image(profileId, organization, image), journalKeys.all] };
}

export function useAddShare(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, ShareInput>({
    mutationFn: (share) => client.addShare(ref.profileId, ref.organization, ref.image, share),
    meta: invalidates(ref),
  });
}

export function useUpdateShare(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, ShareInput>({
    mutationFn: (share) => client.updateShare(ref.profileId, ref.organization, ref.image, share),
    meta: invalidates(ref),
  });
}

export function useRemoveShare(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, string>({
    mutationFn: (account) => client.removeShare(ref.profileId, ref.organization, ref.image, account),
    meta: invalidates(ref),
  });
}
