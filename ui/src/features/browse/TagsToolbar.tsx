import { memo, useState } from "react";
import { useTranslation } from "react-i18next";

import { IconButton } from "../../components/IconButton";
import { Select } from "../../components/Select";
import { ArrowDownIcon, ArrowUpIcon, RefreshIcon } from "../../components/icons";
import type { TagQuery, TagSort } from "../../ipc";

export const SORTS: readonly TagSort[] = ["version", "pushed", "name", "size"];

/** What the toolbar opens for the selected tags. */
export type TagDialog = { kind: "inspect"; reference: string } | { kind: "delete"; references: string[] } | { kind: "copy"; tag: string };

interface TagsToolbarProps {
  sort: TagSort;
  descending: boolean;
  selected: ReadonlySet<string>;
  filterProblem: boolean;
  refreshing: boolean;
  /** Of one identity across renders, like the other callbacks. */
  onChange: (next: Partial<TagQuery>) => void;
  onAction: (dialog: TagDialog) => void;
  onRefresh: () => void;
}

/**
 * The filter, order and actions of an image's tags. Drawn again only when what it shows changes:
 * a new filter's rows, a keystroke's answer, leave it as it is.
 */
export const TagsToolbar = memo(function TagsToolbar({
  sort,
  descending,
  selected,
  filterProblem,
  refreshing,
  onChange,
  onAction,
  onRefresh,
}: TagsToolbarProps) {
  const { t } = useTranslation();
  const direction = descending ? t("images.descending") : t("images.ascending");
  /** The tag that Inspect and Copy act on: they need exactly one. */
  const [only] = selected.size === 1 ? selected : [];
  return (
    <div className="browse-toolbar" role="toolbar" aria-label={t("tags.actions")}>
      <FilterBox
        label={t("tags.filter")}
        placeholder={t("tags.filterPlaceholder")}
        problem={filterProblem}
        onChange={(filter) => {
          onChange({ filter });
        }}
      />
      <span className="toolbar-field">
        <label htmlFor="tags-sort" className="toolbar-label">
          {t("tags.sort")}
        </label>
        <Select
          id="tags-sort"
          testId="tags-sort"
          value={sort}
          onChange={(next) => {
            onChange({ sort: next });
          }}
          choices={SORTS.map((s) => ({ value: s, label: t(`tags.sortBy.${s}`) }))}
        />
        <IconButton
          testId="tags-direction"
          label={t("images.direction", { direction })}
          onClick={() => {
            onChange({ descending: !descending });
          }}
        >
          {descending ? <ArrowDownIcon /> : <ArrowUpIcon />}
        </IconButton>
      </span>
      <span className="toolbar-separator" />
      <button
        type="button"
        className="button"
        data-testid="tags-inspect"
        disabled={only === undefined}
        onClick={() => {
          if (only !== undefined) onAction({ kind: "inspect", reference: only });
        }}
      >
        {t("tags.inspect")}
      </button>
      <button
        type="button"
        className="button button-danger"
        data-testid="tags-delete"
        disabled={selected.size === 0}
        onClick={() => {
          onAction({ kind: "delete", references: [...selected] });
        }}
      >
        {t("tags.delete")}
      </button>
      <button
        type="button"
        className="button"
        data-testid="tags-copy"
        disabled={only === undefined}
        onClick={() => {
          if (only !== undefined) onAction({ kind: "copy", tag: only });
        }}
      >
        {t("tags.copy")}
      </button>
      <button
        type="button"
        className="button toolbar-end"
        data-testid="tags-refresh"
        disabled={refreshing}
        onClick={onRefresh}
      >
        <RefreshIcon />
        {t("tags.refresh")}
      </button>
    </div>
  );
});

/**
 * The filter box keeps what is typed itself: a keystroke redraws the box alone, and the list
 * follows when the backend has answered for the new text.
 */
function FilterBox({
  label,
  placeholder,
  problem,
  onChange,
}: {
  label: string;
  placeholder: string;
  problem: boolean;
  onChange: (filter: string) => void;
}) {
  const [text, setText] = useState("");
  return (
    <label className="search-field">
      <span className="visually-hidden">{label}</span>
      <input
        type="search"
        className="input"
        data-testid="tags-filter"
        autoComplete="off"
        spellCheck={false}
        placeholder={placeholder}
        value={text}
        aria-invalid={problem}
        aria-describedby={problem ? "tags-filter-problem" : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value);
        }}
      />
    </label>
  );
}
