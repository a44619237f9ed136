import { useNavigate, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import type { ImageQuery } from "../../ipc";
import { useActiveProfile } from "../profiles/queries";
import { formatCount } from "./format";
import { ImageCells, ImageColumns } from "./ImageCells";
import { ImagesToolbar } from "./ImagesToolbar";
import { NoProfile } from "./NoProfile";
import { useImageIndex, useImagePage } from "./queries";
import { ScopeSwitch, SharedImages } from "./SharedImages";
import { VirtualRows } from "./VirtualRows";
import { rowAt, usePageOffsets } from "./windows";
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
  const index = useImageIndex(profileId);
  const [query, setQuery] = useState<ImageQuery>({
    text: "",
    organization,
    category: null,
    visibility: "all",
    sort: "name",
    descending: false,
  });
  const [[firstOffset, lastOffset], onRangeChange] = usePageOffsets();
  const firstPage = useImagePage(profileId, index.data, query, firstOffset);
  const lastPage = useImagePage(profileId, index.data, query, lastOffset);
  const windows = [firstPage.data, lastPage.data];
  const matching = firstPage.data?.matching ?? lastPage.data?.matching ?? 0;
  const total = index.data?.total ?? firstPage.data?.total ?? 0;
  const pageError = firstPage.error ?? lastPage.error;
  const language = i18n.language;

  const open = (at: number) => {
    const row = rowAt(windows, at);
    if (!row) return;
    void navigate({ to: "/images/$org/$image/$tab", params: { org: row.organization, image: row.name, tab: "overview" } });
  };

  return (
    <>
      <ImagesToolbar profileId={profileId} index={index.data} query={query} onChange={setQuery} />
      <p className="list-count" data-testid="images-count" aria-live="polite">
        {index.data && firstPage.data
          ? t("images.count", { count: total, matching: formatCount(matching, language) })
          : t("images.building")}
      </p>
      {index.error && <ErrorNotice title={t("images.loadFailed")} error={index.error} onRetry={() => void index.refetch()} />}
      {pageError && (
        <ErrorNotice
          title={t("images.loadFailed")}
          error={pageError}
          onRetry={() => {
            void firstPage.refetch();
            void lastPage.refetch();
          }}
        />
      )}
      {firstPage.isSuccess && !firstPage.isPlaceholderData && matching === 0 && (
        <p className="list-empty" data-testid="images-empty">
          {total === 0 ? t("images.empty") : t("images.noMatch")}
        </p>
      )}
      <VirtualRows
        count={matching}
        label={t("images.title")}
        className="images-grid"
        testId="images-list"
        resetKey={JSON.stringify(query)}
        busy={firstPage.isFetching}
        onRangeChange={onRangeChange}
        onActivate={open}
        activateOnClick
        header={<ImageColumns />}
        row={(at) => {
          const row = rowAt(windows, at);
          if (!row) return undefined;
          const name = `${row.organization}/${row.name}`;
          return {
            attributes: { "data-testid": "image-row", "data-image": name, title: row.description || undefined },
            cells: <ImageCells row={row} />,
          };
        }}
      />
    </>
  );
}
