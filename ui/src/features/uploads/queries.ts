import { queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useIpc, type CommandError, type IpcClient, type UploadsView } from "../../ipc";

export const uploadKeys = {
  all: ["uploads"] as const,
  view: () => [...uploadKeys.all, "view"] as const,
};

/** The upload list, for a screen or for a route that reads it before it renders. */
export function uploadsViewQuery(client: IpcClient) {
  return queryOptions<UploadsView, CommandError>({
    queryKey: uploadKeys.view(),
    queryFn: () => client.uploadsView(),
  });
}

export function useUploadsView() {
  return useQuery(uploadsViewQuery(useIpc()));
}

/** Queue and list changes refresh the list (the backend also says so with `uploadsChanged`). */
export function useUploadMutation<TArgs>(run: (args: TArgs) => Promise<unknown>) {
  return useMutation<unknown, CommandError, TArgs>({
    mutationFn: run,
    meta: { invalidates: [uploadKeys.all] },
  });
}

/** Puts an item the backend returned into the cached list, ahead of the next refetch. */
export function useReplaceItem() {
  const queryClient = useQueryClient();
  return (item: UploadsView["items"][number]) => {
    queryClient.setQueryData<UploadsView>(uploadKeys.view(), (view) =>
      view ? { ...view, items: view.items.map((i) => (i.id === item.id ? item : i)) } : view,
    );
  };
}
