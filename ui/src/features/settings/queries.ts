import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";

import { useIpc, type CommandError, type Settings } from "../../ipc";

export const settingsKeys = {
  all: ["settings"] as const,
  current: () => [...settingsKeys.all, "current"] as const,
};

export const DEFAULT_SETTINGS: Settings = { language: "system", theme: "system", density: "comfortable" };

export function useSettings() {
  const client = useIpc();
  return useQuery<Settings, CommandError>({
    queryKey: settingsKeys.current(),
    queryFn: () => client.getSettings(),
    staleTime: Infinity,
  });
}

/**
 * Saves the settings. The new value is shown at once (language and theme switch immediately) and
 * rolled back if the backend refuses it. Invalidates: `settingsKeys.all`.
 */
export function useUpdateSettings() {
  const client = useIpc();
  const queryClient = useQueryClient();
  const key = settingsKeys.current();
  return useMutation<Settings, CommandError, Settings, { previous: Settings | undefined }>({
    mutationFn: (next) => client.updateSettings(next),
    meta: { invalidates: [settingsKeys.all] },
    onMutate: async (next) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Settings>(key);
      queryClient.setQueryData(key, next);
      return { previous };
    },
    onError: (_error, _next, context) => {
      if (context?.previous !== undefined) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
    },
  });
}
