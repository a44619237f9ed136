import * as Tabs from "@radix-ui/react-tabs";
import { Link, Navigate, useNavigate, useParams } from "@tanstack/react-router";
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
  const current = IMAGE_TABS.find((candidate) => candidate.id === tab);
  const isPublic = overview.data?.image.isPublic;
  const params = { org: imageRef.organization, image: imageRef.image };
  const first = IMAGE_TABS[0];
  if (!current && first) return <Navigate to="/images/$org/$image/$tab" params={{ ...params, tab: first.id }} replace />;

  const open = (id: string) => {
    void navigate({ to: "/images/$org/$image/$tab", params: { ...params, tab: id }, replace: true });
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
      {/* Radix gives the tabs their roles and arrow keys; each tab is also a link to its route. */}
      <Tabs.Root value={current?.id ?? ""} onValueChange={open}>
        <Tabs.List className="tabs" aria-label={t("image.tabs.label")}>
          {IMAGE_TABS.map((candidate) => (
            <Tabs.Trigger key={candidate.id} value={candidate.id} asChild>
              <Link
                to="/images/$org/$image/$tab"
                params={{ ...params, tab: candidate.id }}
                replace
                className="tab"
                data-testid={`tab-${candidate.id}`}
              >
                {t(candidate.label)}
              </Link>
            </Tabs.Trigger>
          ))}
        </Tabs.List>
        {current && (
          <Tabs.Content value={current.id} className="tabpanel">
            <current.Panel imageRef={imageRef} />
          </Tabs.Content>
        )}
      </Tabs.Root>
    </>
  );
}
