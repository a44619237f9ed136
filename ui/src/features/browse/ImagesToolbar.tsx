import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { IconButton } from "../../components/IconButton";
import { ArrowDownIcon, ArrowUpIcon, RefreshIcon, SearchIcon } from "../../components/icons";
import type { ImageQuery, ImageSort, IndexStatus, Visibility } from "../../ipc";
import { CATEGORIES, categoryLabel } from "./categories";
import { formatDate } from "./format";
import { useRefreshIndex } from "./queries";

const VISIBILITIES: readonly Visibility[] = ["all", "public", "private"];
const SORTS: readonly ImageSort[] = ["name", "updated", "tagCount"];

/** Search, filters and sorting of the image list; each change is a new query to the backend. */
export function ImagesToolbar(props: {
  profileId: string;
  index: IndexStatus | undefined;
  query: ImageQuery;
  onChange: (query: ImageQuery) => void;
}) {
  const { t, i18n } = useTranslation();
  const { query, onChange, index } = props;
  const refresh = useRefreshIndex(props.profileId);
  const id = useId();
  const set = (change: Partial<ImageQuery>) => {
    onChange({ ...query, ...change });
  };
  const direction = query.descending ? t("images.descending") : t("images.ascending");
  // An organization named in the link stays selectable even before the index lists it.
  const organizations = [...new Set([...(index?.organizations ?? []), ...(query.organization ? [query.organization] : [])])];

  return (
    <>
      <div className="browse-toolbar" role="toolbar" aria-label={t("images.title")}>
        <label className="search-field">
          <SearchIcon />
          <span className="visually-hidden">{t("images.search")}</span>
          <input
            type="search"
            className="input"
            data-testid="images-search"
            placeholder={t("images.searchPlaceholder")}
            value={query.text}
            onChange={(e) => {
              set({ text: e.target.value });
            }}
          />
        </label>
        <label className="toolbar-field">
          <span className="visually-hidden">{t("images.organization")}</span>
          <select
            className="input"
            data-testid="images-organization"
            value={query.organization ?? ""}
            onChange={(e) => {
              set({ organization: e.target.value === "" ? null : e.target.value });
            }}
          >
            <option value="">{t("images.allOrganizations")}</option>
            {organizations.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="visually-hidden">{t("images.category")}</span>
          <select
            className="input"
            data-testid="images-category"
            value={query.category ?? ""}
            onChange={(e) => {
              set({ category: e.target.value === "" ? null : e.target.value });
            }}
          >
            <option value="">{t("images.allCategories")}</option>
            {CATEGORIES.map((category) => (
              <option key={category} value={category}>
                {categoryLabel(t, category)}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-field">
          <span className="visually-hidden">{t("images.visibility")}</span>
          <select
            className="input"
            data-testid="images-visibility"
            value={query.visibility}
            onChange={(e) => {
              set({ visibility: VISIBILITIES.find((v) => v === e.target.value) ?? "all" });
            }}
          >
            {VISIBILITIES.map((v) => (
              <option key={v} value={v}>
                {t(`images.visibilityChoice.${v}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="toolbar-field">
          <label htmlFor={`${id}-sort`} className="toolbar-label">
            {t("images.sort")}
          </label>
          <select
            id={`${id}-sort`}
            className="input"
            data-testid="images-sort"
            value={query.sort}
            onChange={(e) => {
              set({ sort: SORTS.find((s) => s === e.target.value) ?? "name" });
            }}
          >
            {SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`images.sortBy.${s}`)}
              </option>
            ))}
          </select>
          <IconButton
            testId="images-direction"
            label={t("images.direction", { direction })}
            onClick={() => {
              set({ descending: !query.descending });
            }}
          >
            {query.descending ? <ArrowDownIcon /> : <ArrowUpIcon />}
          </IconButton>
        </span>
        <button
          type="button"
          className="button toolbar-end"
          data-testid="images-refresh"
          disabled={refresh.isPending}
          onClick={() => {
            refresh.mutate();
          }}
        >
          <RefreshIcon />
          {refresh.isPending ? t("images.refreshing") : t("images.refresh")}
        </button>
      </div>
      {index && (
        <p className="field-hint" data-testid="images-indexed-at">
          {t("images.indexedAt", { when: formatDate(index.refreshedAt, i18n.language) })}
        </p>
      )}
      {refresh.error && <ErrorNotice title={t("images.loadFailed")} error={refresh.error} onRetry={() => { refresh.mutate(); }} />}
    </>
  );
}
