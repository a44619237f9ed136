import { keepPreviousData, queryOptions, useMutation, useQuery } from "@tanstack/react-query";
import { useEffect } from "react";

import { useIpc, type CommandError, type ExportFormat, type IpcClient, type JournalPage, type JournalQuery } from "../../ipc";

export const journalKeys = {
  all: ["journal"] as const,
  query: (query: JournalQuery) => [...journalKeys.all, "query", query] as const,
};

/**
 * The entries `query` selects. swrctl writes to the same journal, so the list is read again
 * whenever the window regains focus.
 */
export function journalQuery(client: IpcClient, query: JournalQuery) {
  return queryOptions<JournalPage, CommandError>({
    queryKey: journalKeys.query(query),
    queryFn: () => client.queryJournal(query),
    refetchOnWindowFocus: true,
    placeholderData: keepPreviousData,
  });
}

export function useJournal(query: JournalQuery) {
  const journal = useQuery(journalQuery(useIpc(), query));
  const { refetch } = journal;
  // A desktop window that gets focus back from a terminal stays visible, so the focus event is
  // the one that says the user may have run swrctl meanwhile.
  useEffect(() => {
    const onFocus = () => {
      void refetch({ cancelRefetch: false });
    };
    window.addEventListener("focus", onFocus);
    return () => {
      window.removeEventListener("focus", onFocus);
    };
  }, [refetch]);
  return journal;
}

/** Writes the entries `query` selects to a file the user picks; resolves to null when they cancel. */
export function useExportJournal() {
  const client = useIpc();
  return useMutation<string | null, CommandError, { query: JournalQuery; format: ExportFormat }>({
    mutationFn: ({ query, format }) => client.exportJournal(query, format),
  });
}
