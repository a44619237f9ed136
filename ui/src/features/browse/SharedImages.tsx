import { useNavigate } from "@tanstack/react-router";
import { useId } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import type { ImageRow } from "../../ipc";
import { ImageCells, ImageColumns } from "./ImageCells";
import { useSharedWithMe } from "./queries";
import "./VirtualRows.css";

const SCOPES = ["mine", "shared"] as const;

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
  const { t } = useTranslation();
  const navigate = useNavigate();
  const shared = useSharedWithMe(profileId);
  const rows = shared.data ?? [];
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
        <div className="vgrid images-grid" role="grid" aria-label={t("images.scope.shared")} aria-rowcount={rows.length + 1} data-testid="shared-list">
          <div className="vgrid-row vgrid-header" role="row" aria-rowindex={1}>
            <ImageColumns />
          </div>
          {rows.map((row, at) => (
            <div
              key={`${row.organization}/${row.name}`}
              role="row"
              aria-rowindex={at + 2}
              tabIndex={0}
              className="vgrid-row shared-row"
              data-testid="shared-image-row"
              data-image={`${row.organization}/${row.name}`}
              title={row.description || undefined}
              onClick={() => {
                open(row);
              }}
              onKeyDown={(event) => {
                if (event.key !== "Enter") return;
                event.preventDefault();
                open(row);
              }}
            >
              <ImageCells row={row} />
            </div>
          ))}
        </div>
      )}
    </>
  );
}
