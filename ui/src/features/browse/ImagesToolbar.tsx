import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { IconButton } from "../../components/IconButton";
import { Select } from "../../components/Select";
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
            autoComplete="off"
            spellCheck={false}
            placeholder={t("images.searchPlaceholder")}
            value={query.text}
            onChange={(e) => {
              set({ text: e.target.value });
            }}
          />
        </label>
        <span className="toolbar-field">
          <Select
            testId="images-organization"
            aria-label={t("images.organization")}
            value={query.organization ?? ""}
            onChange={(organization) => {
              set({ organization: organization === "" ? null : organization });
            }}
            choices={[
              { value: "", label: t("images.allOrganizations") },
              ...organizations.map((name) => ({ value: name, label: name })),
            ]}
          />
        </span>
        <span className="toolbar-field">
          <Select
            testId="images-category"
            aria-label={t("images.category")}
            value={query.category ?? ""}
            onChange={(category) => {
              set({ category: category === "" ? null : category });
            }}
            choices={[
              { value: "", label: t("images.allCategories") },
              ...CATEGORIES.map((category) => ({ value: category, label: categoryLabel(t, category) })),
            ]}
          />
        </span>
        <span className="toolbar-field">
          <Select
            testId="images-visibility"
            aria-label={t("images.visibility")}
            value={query.visibility}
            onChange={(visibility) => {
              set({ visibility });
            }}
            choices={VISIBILITIES.map((v) => ({ value: v, label: t(`images.visibilityChoice.${v}`) }))}
          />
        </span>
        <span className="toolbar-field">
          <label htmlFor={`${id}-sort`} className="toolbar-label">
            {t("images.sort")}
          </label>
          <Select
            id={`${id}-sort`}
            testId="images-sort"
            value={query.sort}
            onChange={(sort) => {
              set({ sort });
            }}
            choices={SORTS.map((s) => ({ value: s, label: t(`images.sortBy.${s}`) }))}
          />
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
