import { useNavigate } from "@tanstack/react-router";
import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import type { ImageRow } from "../../ipc";
import { imageColumns, imageId } from "./ImageCells";
import { useSharedWithMe } from "./queries";

const SCOPES = ["mine", "shared"] as const;
const NONE: readonly ImageRow[] = [];

/** My images or those other accounts share with me; the choice lives in the address (`?scope=shared`). */
export function ScopeSwitch({ organization, shared }: { organization: string | undefined; shared: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const name = useId();
  return (
    <div className="segmented images-scope" role="radiogroup" aria-label={t("images.scope.label")}>
      {SCOPES.map((scope) => (
        <label key={scope} className="segmented-option" data-testid={`images-scope-${scope}`}>
          <input
            type="radio"
            name={name}
            value={scope}
            checked={(scope === "shared") === shared}
            onChange={() => {
              void navigate({
                to: "/images",
                search: {
                  ...(organization === undefined ? {} : { organization }),
                  ...(scope === "shared" ? { scope: "shared" as const } : {}),
                },
              });
            }}
          />
          <span>{t(`images.scope.${scope}`)}</span>
        </label>
      ))}
    </div>
  );
}

/**
 * The images shared with this account: a few, read whole and listed as they come, without the
 * filters of the index. A row opens the image's page like a row of the index.
 */
export function SharedImages({ profileId }: { profileId: string }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const shared = useSharedWithMe(profileId);
  const rows = shared.data ?? NONE;
  const language = i18n.language;
  const columns = useMemo(() => imageColumns(t, language), [t, language]);
  const open = (row: ImageRow) => {
    void navigate({ to: "/images/$org/$image/$tab", params: { org: row.organization, image: row.name, tab: "overview" } });
  };

  return (
    <>
      <p className="list-count" data-testid="images-count" aria-live="polite">
        {shared.data ? t("images.shared.count", { count: rows.length }) : t("app.loading")}
      </p>
      {shared.error && <ErrorNotice title={t("images.shared.loadFailed")} error={shared.error} onRetry={() => void shared.refetch()} />}
      {shared.data?.length === 0 && (
        <p className="list-empty" data-testid="shared-empty">
          {t("images.shared.empty")}
        </p>
      )}
      {rows.length > 0 && (
        <DataTable
          columns={columns}
          rows={rows}
          getRowId={imageId}
          label={t("images.scope.shared")}
          testId="shared-list"
          widthsKey="images"
          onActivate={open}
          activateOnClick
          rowAttributes={(row) => ({
            "data-testid": "shared-image-row",
            "data-image": imageId(row),
            title: row.description || undefined,
          })}
        />
      )}
    </>
  );
}
