import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useIpc, type Attributes, type AttributesChange, type AttributesOutcome, type CommandError, type IpcClient } from "../../ipc";
import { browseKeys, type ImageRef } from "../browse/queries";
import { journalKeys } from "../journal/queries";

export const attributesKeys = {
  all: ["attributes"] as const,
  profile: (profileId: string) => [...attributesKeys.all, profileId] as const,
  image: (profileId: string, organization: string, image: string) =>
    [...attributesKeys.profile(profileId), organization, image] as const,
};

/** Visibility, category and description of one image, as SWR holds them now. */
export function attributesQuery(client: IpcClient, { profileId, organization, image }: ImageRef) {
  return queryOptions<Attributes, CommandError>({
    queryKey: attributesKeys.image(profileId, organization, image),
    queryFn: () => client.imageAttributes(profileId, organization, image),
  });
}

export function useImageAttributes(ref: ImageRef) {
  return useQuery(attributesQuery(useIpc(), ref));
}

/**
 * Sends the fields the user changed. The overview and the image list show visibility and
 * category too, so they are read again; the journal has a new entry.
 */
export function useSaveAttributes(ref: ImageRef) {
  const client = useIpc();
  const queryClient = useQueryClient();
  const { profileId, organization, image } = ref;
  return useMutation<AttributesOutcome, CommandError, AttributesChange>({
    mutationFn: (change) => client.setImageAttributes(profileId, organization, image, change),
    onSuccess: (outcome) => {
      queryClient.setQueryData(attributesKeys.image(profileId, organization, image), outcome.after);
    },
    meta: {
      invalidates: [
        attributesKeys.image(profileId, organization, image),
        browseKeys.overview(profileId, organization, image),
        browseKeys.index(profileId),
        browseKeys.imagesOf(profileId),
        journalKeys.all,
      ],
    },
  });
}
