import { useMutation, useQuery } from "@tanstack/react-query";

import {
  useIpc,
  type CommandError,
  type Policy,
  type PolicyInput,
  type RetentionLog,
  type RetentionPreview,
  type SaveOutcome,
} from "../../ipc";
import { browseKeys, type ImageRef } from "../browse/queries";
import { journalKeys } from "../journal/queries";

export const retentionKeys = {
  all: ["retention"] as const,
  image: (profileId: string, organization: string, image: string) =>
    [...retentionKeys.all, profileId, organization, image] as const,
  policy: (ref: ImageRef) => [...retentionKeys.image(ref.profileId, ref.organization, ref.image), "policy"] as const,
  history: (ref: ImageRef) => [...retentionKeys.image(ref.profileId, ref.organization, ref.image), "history"] as const,
};

export function usePolicy(ref: ImageRef) {
  const client = useIpc();
  return useQuery<Policy | null, CommandError>({
    queryKey: retentionKeys.policy(ref),
    queryFn: () => client.retentionPolicy(ref.profileId, ref.organization, ref.image),
  });
}

export function useRetentionHistory(ref: ImageRef) {
  const client = useIpc();
  return useQuery<RetentionLog[], CommandError>({
    queryKey: retentionKeys.history(ref),
    queryFn: () => client.retentionHistory(ref.profileId, ref.organization, ref.image),
  });
}

/** A preview reads every tag afresh; it changes nothing, so it is a mutation only in form. */
export function usePreviewRetention(ref: ImageRef) {
  const client = useIpc();
  return useMutation<RetentionPreview, CommandError, PolicyInput>({
    mutationFn: (policy) => client.previewRetention(ref.profileId, ref.organization, ref.image, policy),
  });
}

/** Saving deletes tags at once: the policy, its log, the image's tags and overview are read again. */
function afterChange(ref: ImageRef) {
  return {
    invalidates: [
      retentionKeys.image(ref.profileId, ref.organization, ref.image),
      browseKeys.image(ref.profileId, ref.organization, ref.image),
      browseKeys.imagesOf(ref.profileId),
      journalKeys.all,
    ],
  };
}

export function useSaveRetention(ref: ImageRef) {
  const client = useIpc();
  return useMutation<SaveOutcome, CommandError, PolicyInput>({
    mutationFn: (policy) => client.saveRetention(ref.profileId, ref.organization, ref.image, policy),
    meta: afterChange(ref),
  });
}

export function useRemoveRetention(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, undefined>({
    mutationFn: () => client.removeRetention(ref.profileId, ref.organization, ref.image),
    meta: afterChange(ref),
  });
}
