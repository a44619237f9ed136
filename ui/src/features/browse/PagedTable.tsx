import { useQuery, type UseQueryOptions } from "@tanstack/react-query";
import type { RowData } from "@tanstack/react-table";

import { DataTable, type DataTableProps } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { CommandError } from "../../ipc";
import { useLoadedRows, usePageOffsets, type RowWindow } from "./windows";

type Paged = "rows" | "offset" | "count" | "tall" | "resetKey" | "busy" | "onRangeChange";

export interface PagedTableProps<Row extends RowData, Window extends RowWindow<Row>> extends Omit<DataTableProps<Row>, Paged> {
  /** The list's query as a key: a new one starts from the top. */
  listKey: string;
  /** Rows matching the query, from its first page. */
  matching: number;
  /** How the page at `offset` of the query is read: its key, call and cache times. */
  page: (offset: number) => UseQueryOptions<Window, CommandError>;
  /** The title of a page's failure. */
  errorTitle: string;
}

/**
 * A long list read from the backend a page or two at a time, the pages in view. A component of
 * its own so that a scroll across pages draws the list again, not the toolbar, counts and dialogs
 * of the screen around it.
 */
export function PagedTable<Row extends RowData, Window extends RowWindow<Row>>({
  listKey,
  matching,
  page,
  errorTitle,
  ...table
}: PagedTableProps<Row, Window>) {
  const [[firstOffset, lastOffset], onRangeChange] = usePageOffsets(listKey);
  const firstPage = useQuery(page(firstOffset));
  const lastPage = useQuery(page(lastOffset));
  const loaded = useLoadedRows(firstPage.data, lastPage.data);
  const pageError = firstPage.error ?? lastPage.error;
  return (
    <>
      {pageError && (
        <ErrorNotice
          title={errorTitle}
          error={pageError}
          onRetry={() => {
            void firstPage.refetch();
            void lastPage.refetch();
          }}
        />
      )}
      <DataTable
        {...table}
        rows={loaded.rows}
        offset={loaded.offset}
        count={matching}
        tall
        resetKey={listKey}
        busy={firstPage.isFetching}
        onRangeChange={onRangeChange}
      />
    </>
  );
}
