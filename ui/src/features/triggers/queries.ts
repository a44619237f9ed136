import { queryOptions, useMutation, useQuery } from "@tanstack/react-query";

import { useIpc, type CommandError, type CreateTriggerRequest, type IpcClient, type Trigger, type TriggerMatch } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { journalKeys } from "../journal/queries";

export const triggerKeys = {
  all: ["triggers"] as const,
  profile: (profileId: string) => [...triggerKeys.all, profileId] as const,
  image: (profileId: string, organization: string, image: string) =>
    [...triggerKeys.profile(profileId), organization, image] as const,
  list: (profileId: string, organization: string, image: string) =>
    [...triggerKeys.image(profileId, organization, image), "list"] as const,
  // Under the image, so a change to its triggers tests the tag again.
  test: (profileId: string, organization: string, image: string, tag: string) =>
    [...triggerKeys.image(profileId, organization, image), "test", tag] as const,
};

/** An image's triggers with their histories. */
export function triggersQuery(client: IpcClient, { profileId, organization, image }: ImageRef) {
  return queryOptions<Trigger[], CommandError>({
    queryKey: triggerKeys.list(profileId, organization, image),
    queryFn: () => client.listTriggers(profileId, organization, image),
  });
}

export function useTriggers(ref: ImageRef) {
  return useQuery(triggersQuery(useIpc(), ref));
}

/** What each trigger would do on a push of `tag`; nothing is asked while `tag` is null. */
export function useTriggerTest(ref: ImageRef, tag: string | null) {
  const client = useIpc();
  const { profileId, organization, image } = ref;
  return useQuery<TriggerMatch[], CommandError>({
    queryKey: triggerKeys.test(profileId, organization, image, tag ?? ""),
    queryFn: () => client.testTriggerTag(profileId, organization, image, tag ?? ""),
    enabled: tag !== null,
  });
}

/** Every change reads the image's triggers (and any tag test) again, and adds a journal entry. */
function invalidates({ profileId, organization, image }: ImageRef) {
  return { invalidates: [triggerKeys.image(profileId, organization, image), journalKeys.all] };
}

export function useAddTrigger(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, CreateTriggerRequest>({
    mutationFn: (trigger) => client.addTrigger(ref.profileId, ref.organization, ref.image, trigger),
    meta: invalidates(ref),
  });
}

export function useSetTriggerEnabled(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, { name: string; enabled: boolean }>({
    mutationFn: ({ name, enabled }) => client.setTriggerEnabled(ref.profileId, ref.organization, ref.image, name, enabled),
    meta: invalidates(ref),
  });
}

export function useDeleteTrigger(ref: ImageRef) {
  const client = useIpc();
  return useMutation<unknown, CommandError, string>({
    mutationFn: (name) => client.deleteTrigger(ref.profileId, ref.organization, ref.image, name),
    meta: invalidates(ref),
  });
}
