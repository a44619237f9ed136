import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import type { TagQuery } from "../../ipc";
import { formatCount } from "../browse/format";
import { useTagPage, useTagsStatus, type ImageRef } from "../browse/queries";

/**
 * The image's tags to choose from, most recently pushed first: one window of the tag index,
 * narrowed by a filter the backend applies. Chosen tags stay listed while the filter hides them.
 */
export function TagPicker({
  imageRef,
  selected,
  onSelect,
  gapTags,
}: {
  imageRef: ImageRef;
  selected: ReadonlySet<string>;
  onSelect: (tags: ReadonlySet<string>) => void;
  /** What the gap view says the target lacks or holds differently; null when it cannot say. */
  gapTags: readonly string[] | null;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [filter, setFilter] = useState("");
  const query: TagQuery = { filter: filter.trim(), sort: "pushed", descending: true };
  const status = useTagsStatus(imageRef);
  const page = useTagPage(imageRef, status.data, query, 0);
  const rows = page.data?.rows.map((row) => row.tag) ?? [];
  const shown = new Set(rows);
  const hidden = [...selected].filter((tag) => !shown.has(tag)).sort();
  const listed = [...hidden, ...rows];
  const problem = page.isPlaceholderData ? null : (page.data?.filterProblem ?? null);
  const matching = page.data?.matching ?? 0;
  const error = status.error ?? page.error;
  const number = (value: number) => formatCount(value, i18n.language);

  const toggle = (tag: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(tag);
    else next.delete(tag);
    onSelect(next);
  };

  return (
    <fieldset className="sync-tags" aria-describedby={`${id}-count`}>
      <legend className="sync-legend">{t("sync.now.tags")}</legend>
      <div className="sync-tags-toolbar">
        <label className="visually-hidden" htmlFor={`${id}-filter`}>
          {t("sync.now.filter")}
        </label>
        <input
          id={`${id}-filter`}
          className="input sync-input"
          data-testid="sync-tag-filter"
          type="search"
          autoComplete="off"
          spellCheck={false}
          placeholder={t("sync.now.filterPlaceholder")}
          value={filter}
          aria-invalid={problem !== null ? true : undefined}
          onChange={(event) => {
            setFilter(event.target.value);
          }}
        />
        <button
          type="button"
          className="button button-small"
          data-testid="sync-tags-shown"
          disabled={rows.length === 0}
          onClick={() => {
            onSelect(new Set([...selected, ...rows]));
          }}
        >
          {t("sync.now.selectShown")}
        </button>
        <button
          type="button"
          className="button button-small"
          data-testid="sync-tags-clear"
          disabled={selected.size === 0}
          onClick={() => {
            onSelect(new Set());
          }}
        >
          {t("sync.now.clear")}
        </button>
      </div>
      {gapTags !== null && gapTags.length > 0 && (
        <button
          type="button"
          className="button button-small sync-gap-select"
          data-testid="sync-select-gap"
          onClick={() => {
            onSelect(new Set(gapTags));
          }}
        >
          {t("sync.now.selectGap", { count: gapTags.length })}
        </button>
      )}
      {gapTags !== null && gapTags.length === 0 && (
        <p className="field-hint" data-testid="sync-gap-none">
          {t("sync.now.gapNone")}
        </p>
      )}
      {problem !== null && (
        <p className="field-error" role="alert" data-testid="sync-tag-filter-problem">
          {problem}
        </p>
      )}
      {error && <ErrorNotice title={t("sync.now.tagsFailed")} error={error} onRetry={() => void page.refetch()} />}
      {!error && page.isPending && <p className="muted">{t("sync.now.tagsLoading")}</p>}
      {page.data && listed.length === 0 && problem === null && (
        <p className="list-empty">{query.filter === "" ? t("sync.now.noTags") : t("sync.now.noMatch")}</p>
      )}
      {listed.length > 0 && (
        <ul className="sync-tag-list">
          {listed.map((tag) => (
            <li key={tag}>
              <label className="sync-check">
                <input
                  type="checkbox"
                  data-testid="sync-tag"
                  data-tag={tag}
                  checked={selected.has(tag)}
                  onChange={(event) => {
                    toggle(tag, event.target.checked);
                  }}
                />
                <span className="sync-code">{tag}</span>
              </label>
            </li>
          ))}
        </ul>
      )}
      <p id={`${id}-count`} className="list-count" data-testid="sync-tags-count" aria-live="polite">
        {t("sync.now.selected", { count: selected.size })}
        {page.data && matching > rows.length && (
          <>
            {" · "}
            {t("sync.now.shown", { shown: number(rows.length), matching: number(matching) })}
          </>
        )}
      </p>
    </fieldset>
  );
}
