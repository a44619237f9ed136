import { Link, Navigate, useNavigate, useParams } from "@tanstack/react-router";
import { useRef, type KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { ArrowLeftIcon } from "../../components/icons";
import { useActiveProfile } from "../profiles/queries";
import { IMAGE_TABS } from "./imageTabs";
import { NoProfile } from "./NoProfile";
import { useImageOverview, type ImageRef } from "./queries";
import "./browse.css";

/** One image: its name and visibility above tabs, each tab a route so it can be linked to. */
export function ImagePage() {
  const { t } = useTranslation();
  const { org, image, tab } = useParams({ from: "/images/$org/$image/$tab" });
  const profile = useActiveProfile();
  const name = `${org}/${image}`;

  return (
    <section className="screen screen-wide" data-testid="image-page" data-image={name} aria-labelledby="image-title">
      <Link to="/images" search={{}} className="back-link">
        <ArrowLeftIcon />
        {t("image.back")}
      </Link>
      {profile.isSuccess && profile.data === null && (
        <>
          <h1 id="image-title">{name}</h1>
          <NoProfile />
        </>
      )}
      {profile.error && <ErrorNotice title={t("image.loadFailed")} error={profile.error} onRetry={() => void profile.refetch()} />}
      {profile.data && <ImageFrame imageRef={{ profileId: profile.data.id, organization: org, image }} tab={tab} />}
    </section>
  );
}

function ImageFrame({ imageRef, tab }: { imageRef: ImageRef; tab: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const overview = useImageOverview(imageRef);
  const tabRefs = useRef(new Map<string, HTMLAnchorElement>());
  const current = IMAGE_TABS.find((candidate) => candidate.id === tab);
  const isPublic = overview.data?.image.isPublic;
  const params = { org: imageRef.organization, image: imageRef.image };
  const first = IMAGE_TABS[0];
  if (!current && first) return <Navigate to="/images/$org/$image/$tab" params={{ ...params, tab: first.id }} replace />;

  // Arrow keys move along the tabs and open the one they reach (tabs that show at once).
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const at = IMAGE_TABS.findIndex((candidate) => candidate.id === current?.id);
    const last = IMAGE_TABS.length - 1;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: last }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const next = IMAGE_TABS[(to + IMAGE_TABS.length) % IMAGE_TABS.length];
    if (!next) return;
    tabRefs.current.get(next.id)?.focus();
    void navigate({ to: "/images/$org/$image/$tab", params: { ...params, tab: next.id }, replace: true });
  };

  return (
    <>
      <header className="screen-header image-header">
        <h1 id="image-title">
          <span className="muted">{imageRef.organization}/</span>
          {imageRef.image}
        </h1>
        {isPublic !== undefined && (
          <span className={isPublic ? "badge badge-info" : "badge"} data-testid="image-visibility">
            {isPublic ? t("images.public") : t("images.private")}
          </span>
        )}
      </header>
      <div className="tabs" role="tablist" aria-label={t("image.tabs.label")} onKeyDown={onKeyDown}>
        {IMAGE_TABS.map((candidate) => {
          const selected = candidate.id === current?.id;
          return (
            <Link
              key={candidate.id}
              ref={(el) => {
                if (el) tabRefs.current.set(candidate.id, el);
                else tabRefs.current.delete(candidate.id);
              }}
              to="/images/$org/$image/$tab"
              params={{ ...params, tab: candidate.id }}
              replace
              role="tab"
              id={`image-tab-${candidate.id}`}
              aria-selected={selected}
              aria-controls="image-tabpanel"
              tabIndex={selected ? 0 : -1}
              className="tab"
              data-testid={`tab-${candidate.id}`}
            >
              {t(candidate.label)}
            </Link>
          );
        })}
      </div>
      {current && (
        <div role="tabpanel" id="image-tabpanel" aria-labelledby={`image-tab-${current.id}`} className="tabpanel">
          <current.Panel imageRef={imageRef} />
        </div>
      )}
    </>
  );
}
