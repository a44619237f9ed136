import { useNavigate, useSearch } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import type { SortingState } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useIpc, type ImageQuery, type ImageRow, type ImageSort } from "../../ipc";
import { useActiveProfile } from "../profiles/queries";
import { formatCount } from "./format";
import { imageColumns, imageId, imageRowAttributes } from "./ImageCells";
import { ImagesToolbar } from "./ImagesToolbar";
import { NoProfile } from "./NoProfile";
import { PagedTable } from "./PagedTable";
import { imagePageQuery, useImageIndex, useImagePage } from "./queries";
import { ScopeSwitch, SharedImages } from "./SharedImages";
import "./browse.css";

/** Every image of the active profile: filters and sorting are the backend's, rows load as they scroll in. */
export function ImagesScreen() {
  const { t } = useTranslation();
  const profile = useActiveProfile();
  const { organization, scope } = useSearch({ from: "/images" });
  return (
    <section className="screen screen-wide" data-testid="screen-images" aria-labelledby="images-title">
      <header className="screen-header">
        <h1 id="images-title">{t("images.title")}</h1>
        <p className="screen-description">{t("images.description")}</p>
      </header>
      {profile.isSuccess && profile.data === null && <NoProfile />}
      {profile.error && <ErrorNotice title={t("images.loadFailed")} error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && <ScopeSwitch organization={organization} shared={scope === "shared"} />}
      {profile.data && scope === "shared" && <SharedImages key={profile.data.id} profileId={profile.data.id} />}
      {profile.data && scope !== "shared" && (
        <ImageBrowser key={`${profile.data.id}\0${organization ?? ""}`} profileId={profile.data.id} organization={organization ?? null} />
      )}
    </section>
  );
}

function ImageBrowser({ profileId, organization }: { profileId: string; organization: string | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const client = useIpc();
  const index = useImageIndex(profileId);
  const [query, setQuery] = useState<ImageQuery>({
    text: "",
    organization,
    category: null,
    visibility: "all",
    sort: "name",
    descending: false,
  });
  // The query's first page says how many images match; the list below reads the pages in view
  // itself.
  const head = useImagePage(profileId, index.data, query, 0);
  const matching = head.data?.matching ?? 0;
  const total = index.data?.total ?? head.data?.total ?? 0;
  const language = i18n.language;

  const columns = useMemo(() => imageColumns(t, language), [t, language]);
  // One array per order: the table takes a new one as a new order.
  const sorting: SortingState = useMemo(() => [{ id: query.sort, desc: query.descending }], [query.sort, query.descending]);
  const onSortingChange = ([order]: SortingState) => {
    const sort = columns.find((column) => column.id === order?.id)?.id as ImageSort | undefined;
    if (order && sort) setQuery((now) => ({ ...now, sort, descending: order.desc }));
  };
  const open = (row: ImageRow) => {
    void navigate({ to: "/images/$org/$image/$tab", params: { org: row.organization, image: row.name, tab: "overview" } });
  };

  return (
    <>
      <ImagesToolbar profileId={profileId} index={index.data} query={query} onChange={setQuery} />
      <p className="list-count list-status-line" data-testid="images-count" aria-live="polite">
        {index.data && head.data
          ? t("images.count", { count: total, matching: formatCount(matching, language) })
          : t("images.building")}
      </p>
      {index.error && <ErrorNotice title={t("images.loadFailed")} error={index.error} onRetry={() => void index.refetch()} />}
      <PagedTable
        listKey={JSON.stringify(query)}
        matching={matching}
        page={(offset) => imagePageQuery(client, profileId, index.data, query, offset)}
        errorTitle={t("images.loadFailed")}
        columns={columns}
        getRowId={imageId}
        label={t("images.title")}
        testId="images-list"
        widthsKey="images"
        activateOnClick
        rowAttributes={imageRowAttributes}
        sorting={sorting}
        onSortingChange={onSortingChange}
        onActivate={open}
        placeholder={
          head.isSuccess && !head.isPlaceholderData && matching === 0 ? (
            <p data-testid="images-empty">{total === 0 ? t("images.empty") : t("images.noMatch")}</p>
          ) : undefined
        }
      />
    </>
  );
}
