import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { formatBytes } from "../uploads/format";
import { categoryLabel } from "./categories";
import { formatCount, formatDate } from "./format";
import { PullCommands } from "./PullCommands";
import { useImageOverview, type ImageRef } from "./queries";

/** What SWR knows of the image, and how to pull its default tag. */
export function OverviewTab({ imageRef }: { imageRef: ImageRef }) {
  const { t, i18n } = useTranslation();
  const overview = useImageOverview(imageRef);
  const language = i18n.language;

  if (overview.error) {
    return <ErrorNotice title={t("image.loadFailed")} error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  if (!overview.data) return <p className="muted">{t("app.loading")}</p>;
  const { image, registry, defaultTag, pull } = overview.data;

  return (
    <div className="overview" data-testid="image-overview">
      <section className="panel" aria-labelledby="overview-attributes">
        <h2 id="overview-attributes" className="panel-title">
          {t("image.attributes")}
        </h2>
        <dl className="attributes">
          <dt>{t("image.category")}</dt>
          <dd>{categoryLabel(t, image.category)}</dd>
          <dt>{t("image.visibility")}</dt>
          <dd data-testid="overview-visibility">{image.isPublic ? t("image.publicMeaning") : t("image.privateMeaning")}</dd>
          <dt>{t("image.description")}</dt>
          <dd className={image.description === "" ? "muted" : undefined}>
            {image.description === "" ? t("image.noDescription") : image.description}
          </dd>
          <dt>{t("image.tagCount")}</dt>
          <dd>{formatCount(image.tagCount, language)}</dd>
          <dt>{t("image.size")}</dt>
          <dd>{formatBytes(image.size, language)}</dd>
          <dt>{t("image.downloads")}</dt>
          <dd>{formatCount(image.downloads, language)}</dd>
          <dt>{t("image.updated")}</dt>
          <dd>{formatDate(image.updated, language)}</dd>
          <dt>{t("image.registry")}</dt>
          <dd>
            <code>{registry}</code>
          </dd>
        </dl>
      </section>
      <section className="panel" aria-labelledby="overview-pull">
        {defaultTag === null ? (
          <p id="overview-pull" className="muted">
            {t("image.noTags")}
          </p>
        ) : (
          <>
            <h2 id="overview-pull" className="panel-title">
              {t("image.pullTitle", { tag: defaultTag })}
            </h2>
            <PullCommands pull={pull} />
          </>
        )}
      </section>
    </div>
  );
}
