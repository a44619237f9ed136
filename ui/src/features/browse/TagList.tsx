import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

import { DataTable, type DataColumn, type SortingState, type TableSelection } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { TagQuery, TagRow, TagsStatus } from "../../ipc";
import { useTagPage, type ImageRef } from "./queries";
import { tagId, tagRowAttributes } from "./TagRow";
import { useLoadedRows, usePageOffsets } from "./windows";

interface TagListProps {
  imageRef: ImageRef;
  status: TagsStatus | undefined;
  query: TagQuery;
  /** Tags matching the query, from its first page. */
  matching: number;
  columns: readonly DataColumn<TagRow>[];
  sorting: SortingState;
  onSortingChange: (sorting: SortingState) => void;
  selection: TableSelection<TagRow>;
  onActivate: (row: TagRow) => void;
  placeholder: ReactNode;
}

/**
 * The rows of an image's tags, the page or two in view. A component of its own so that a scroll
 * across pages draws the list again, not the toolbar, counts and dialogs of the tab around it.
 */
export function TagList({ imageRef, status, query, matching, columns, ...table }: TagListProps) {
  const { t } = useTranslation();
  const listKey = JSON.stringify(query);
  const [[firstOffset, lastOffset], onRangeChange] = usePageOffsets(listKey);
  const firstPage = useTagPage(imageRef, status, query, firstOffset);
  const lastPage = useTagPage(imageRef, status, query, lastOffset);
  const loaded = useLoadedRows(firstPage.data, lastPage.data);
  const pageError = firstPage.error ?? lastPage.error;
  return (
    <>
      {pageError && (
        <ErrorNotice
          title={t("tags.loadFailed")}
          error={pageError}
          onRetry={() => {
            void firstPage.refetch();
            void lastPage.refetch();
          }}
        />
      )}
      <DataTable
        {...table}
        columns={columns}
        rows={loaded.rows}
        offset={loaded.offset}
        count={matching}
        getRowId={tagId}
        label={t("image.tabs.tags")}
        className="tags-grid"
        testId="tags-list"
        widthsKey="tags"
        tall
        resetKey={listKey}
        busy={firstPage.isFetching}
        onRangeChange={onRangeChange}
        rowAttributes={tagRowAttributes}
      />
    </>
  );
}
