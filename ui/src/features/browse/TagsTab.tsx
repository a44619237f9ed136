import { useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import type { SortingState } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { including, NO_SELECTION, rangeTo, toggle, without, type RowSelection } from "../../components/rowSelection";
import { useHandler } from "../../components/useHandler";
import { fillIn, HOLE } from "../../i18n/formatters";
import { toCommandError, useIpc, type CommandError, type TagQuery, type TagRow } from "../../ipc";
import { CopyDialog } from "./CopyDialog";
import { DeletionDialog } from "./DeletionDialog";
import { formatCount } from "./format";
import { InspectPanel } from "./InspectPanel";
import { PagedTable } from "./PagedTable";
import { usePlatformsOf } from "./platforms";
import { tagPageQuery, usePrepareTagPage, useRefreshTags, useTagPage, useTagsStatus, type ImageRef } from "./queries";
import { tagColumns, tagId, tagRowAttributes } from "./TagRow";
import { SORTS, TagsToolbar, type TagDialog } from "./TagsToolbar";

/** An image's tags: filter and sort (by the backend), select, and act on the selection. */
export function TagsTab({ imageRef }: { imageRef: ImageRef }) {
  const { t, i18n } = useTranslation();
  const client = useIpc();
  const status = useTagsStatus(imageRef);
  const refresh = useRefreshTags(imageRef);
  const [query, setQuery] = useState<TagQuery>({ filter: "", sort: "version", descending: true });
  const prepare = usePrepareTagPage(imageRef, status.data);
  /** The query last asked for, which may not be on screen yet. */
  const asked = useRef(query);
  const [selection, setSelection] = useState<RowSelection>(NO_SELECTION);
  const [dialog, setDialog] = useState<TagDialog | null>(null);
  const [selectError, setSelectError] = useState<CommandError | null>(null);
  // The query's first page says how many tags match and what is wrong with the filter; the list
  // below reads the pages in view itself.
  const head = useTagPage(imageRef, status.data, query, 0);
  const latest = head.data;
  const matching = latest?.matching ?? 0;
  const total = latest?.total ?? status.data?.total ?? 0;
  const problem = head.isPlaceholderData ? null : (latest?.filterProblem ?? null);
  const selected = [...selection.ids];
  const language = i18n.language;

  /** Shows `changed`; rows move under a new query, so the list goes back to its top. */
  const show = (changed: TagQuery, newFilter: boolean) => {
    setQuery(changed);
    // A range can no longer start from the old anchor, and a selection the new filter hides
    // could be deleted unseen.
    setSelection((now) => (newFilter ? NO_SELECTION : { ...now, anchor: null }));
  };
  /**
   * A new order shows at once (its control must follow the click). A new filter takes the list
   * once its first page is in, so the list changes once, straight to its new rows, and a
   * keystroke redraws only the filter box; only the latest filter typed is shown. A filter whose
   * first page is in the cache (one typed before, as a backspace goes back to) shows with the
   * keystroke, in the same frame.
   */
  const change = (next: Partial<TagQuery>) => {
    const changed = { ...asked.current, ...next };
    asked.current = changed;
    const ready = next.filter === undefined ? null : prepare(changed);
    if (ready === null) {
      show(changed, next.filter !== undefined);
      return;
    }
    void ready.then(() => {
      if (asked.current === changed) show(changed, true);
    });
  };

  /** Tag names of rows `from…to` of the list on screen, asked of the backend (a range may reach rows not loaded). */
  const namesIn = async (from: number, to: number): Promise<string[]> => {
    const { profileId, organization, image } = imageRef;
    const window = await client.queryTags(profileId, organization, image, query, from, to - from + 1);
    return window.rows.map((row) => row.tag);
  };
  const selectRows = (from: number, to: number) => {
    setSelectError(null);
    namesIn(from, to).then(
      (names) => {
        setSelection((now) => including(now, names));
      },
      (reason: unknown) => {
        setSelectError(toCommandError(reason));
      },
    );
  };
  const onSelect = (tag: string, at: number, shift: boolean) => {
    const span = shift ? rangeTo(selection, at) : null;
    if (span) selectRows(span[0], span[1]);
    else setSelection(toggle(selection, tag, at));
  };
  const platformsOf = usePlatformsOf(imageRef);
  const columns = useMemo(
    () =>
      tagColumns(t, language, {
        inspect: (reference) => {
          setDialog({ kind: "inspect", reference });
        },
        copyDigest: (digest) => client.copyText(digest),
        platformsOf,
      }),
    [t, language, client, platformsOf],
  );
  const selectLabel = useMemo(() => fillIn(t("tags.selectTag", { tag: HOLE })), [t]);
  // One array per order: the table takes a new one as a new order.
  const sorting: SortingState = useMemo(() => [{ id: query.sort, desc: query.descending }], [query.sort, query.descending]);
  const onSortingChange = ([order]: SortingState) => {
    const sort = SORTS.find((s) => s === order?.id);
    if (order && sort) change({ sort, descending: order.desc });
  };
  const onChange = useHandler(change);
  const onRefresh = useHandler(() => {
    refresh.mutate();
  });

  return (
    <div className="tags-tab">
      <TagsToolbar
        sort={query.sort}
        descending={query.descending}
        selected={selection.ids}
        filterProblem={problem !== null}
        refreshing={refresh.isPending}
        onChange={onChange}
        onAction={setDialog}
        onRefresh={onRefresh}
      />
      {problem !== null && (
        <p id="tags-filter-problem" className="field-hint field-error" role="alert" data-testid="tags-filter-problem">
          {problem}
        </p>
      )}
      <div className="list-status list-status-line">
        <p className="list-count" data-testid="tags-count" aria-live="polite">
          {latest ? t("tags.count", { count: total, matching: formatCount(matching, language) }) : t("app.loading")}
        </p>
        {selected.length > 0 && (
          <>
            <span data-testid="tags-selected">{t("tags.selected", { count: selected.length })}</span>
            <button
              type="button"
              className="button button-small"
              onClick={() => {
                setSelection(NO_SELECTION);
              }}
            >
              {t("tags.clearSelection")}
            </button>
          </>
        )}
      </div>
      <p className="field-hint">{t("tags.keyboardHint")}</p>
      {status.error && <ErrorNotice title={t("tags.loadFailed")} error={status.error} onRetry={() => void status.refetch()} />}
      {refresh.error && <ErrorNotice title={t("tags.loadFailed")} error={refresh.error} />}
      {selectError && <ErrorNotice title={t("tags.selectFailed")} error={selectError} />}
      <PagedTable
        listKey={JSON.stringify(query)}
        matching={matching}
        page={(offset) => tagPageQuery(client, imageRef, status.data, query, offset)}
        errorTitle={t("tags.loadFailed")}
        columns={columns}
        getRowId={tagId}
        label={t("image.tabs.tags")}
        className="tags-grid"
        testId="tags-list"
        widthsKey="tags"
        rowAttributes={tagRowAttributes}
        sorting={sorting}
        onSortingChange={onSortingChange}
        selection={{
          selected: selection.ids,
          onToggle: onSelect,
          onToggleAll: () => {
            if (selection.ids.size >= matching) setSelection(NO_SELECTION);
            else selectRows(0, matching - 1);
          },
          label: (row: TagRow) => selectLabel(row.tag),
        }}
        onActivate={(row) => {
          setDialog({ kind: "inspect", reference: row.tag });
        }}
        placeholder={
          head.isSuccess && !head.isPlaceholderData && matching === 0 && problem === null ? (
            <p data-testid="tags-empty">{total === 0 ? t("tags.empty") : t("tags.noMatch")}</p>
          ) : undefined
        }
      />
      {dialog?.kind === "inspect" && (
        <InspectPanel
          imageRef={imageRef}
          reference={dialog.reference}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === "delete" && (
        <DeletionDialog
          imageRef={imageRef}
          references={dialog.references}
          onDeleted={(tags) => {
            setSelection((now) => without(now, tags));
          }}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
      {dialog?.kind === "copy" && (
        <CopyDialog
          imageRef={imageRef}
          tag={dialog.tag}
          onClose={() => {
            setDialog(null);
          }}
        />
      )}
    </div>
  );
}
