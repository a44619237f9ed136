import { Link } from "@tanstack/react-router";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { DataTable } from "../../components/DataTable";
import { ErrorNotice } from "../../components/ErrorNotice";
import { InfoIcon } from "../../components/icons";
import { Modal } from "../../components/Modal";
import type { ShareRow } from "../../ipc";
import { useImageAttributes } from "../attributes/queries";
import { useImageOverview, type ImageRef } from "../browse/queries";
import { useRemoveShare, useShares } from "./queries";
import { ShareForm } from "./ShareForm";
import { DeadlineEditor, shareColumns, shareId, shareRowAttributes } from "./ShareRow";
import "../browse/browse.css";
import "./sharing.css";

const NONE: readonly ShareRow[] = [];
const BY_ACCOUNT = [{ id: "account", desc: false }];

/** The accounts a private image is shared with (pull only), and a form to add one. */
export function SharingTab({ imageRef }: { imageRef: ImageRef }) {
  const { t, i18n } = useTranslation();
  const shares = useShares(imageRef);
  const attributes = useImageAttributes(imageRef);
  const overview = useImageOverview(imageRef);
  const [removing, setRemoving] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const language = i18n.language;
  const columns = useMemo(
    () => shareColumns(t, language, { editing, onEdit: setEditing, onRemove: setRemoving }),
    [t, language, editing],
  );
  const name = `${imageRef.organization}/${imageRef.image}`;
  // The attributes are read fresh and change with the Attributes tab; the overview is a fallback.
  const isPublic = attributes.data?.isPublic ?? overview.data?.image.isPublic ?? false;
  const rows = shares.data ?? NONE;

  return (
    <div className="sharing-tab" data-testid="sharing-tab" data-image={name}>
      <p className="muted">{t("sharing.intro")}</p>
      {isPublic && (
        <div className="notice notice-info" data-testid="sharing-public-note">
          <InfoIcon />
          <div className="notice-body">
            <p>{t("sharing.publicNote")}</p>
            <Link
              to="/images/$org/$image/$tab"
              params={{ org: imageRef.organization, image: imageRef.image, tab: "attributes" }}
              replace
              className="notice-action"
            >
              {t("sharing.publicNoteLink")}
            </Link>
          </div>
        </div>
      )}

      {shares.error && (
        <ErrorNotice title={t("sharing.loadFailed")} error={shares.error} testId="sharing-error" onRetry={() => void shares.refetch()} />
      )}
      {shares.isPending && <p className="muted">{t("app.loading")}</p>}
      {shares.data && rows.length === 0 && (
        <p className="list-empty" data-testid="sharing-empty">
          {t("sharing.empty")}
        </p>
      )}
      {rows.length > 0 && (
        <section className="share-list" aria-label={t("sharing.count", { count: rows.length })}>
          <p className="list-count" data-testid="sharing-count">
            {t("sharing.count", { count: rows.length })}
          </p>
          <DataTable
            columns={columns}
            rows={rows}
            getRowId={shareId}
            label={t("sharing.count", { count: rows.length })}
            testId="sharing-list"
            widthsKey="shares"
            initialSorting={BY_ACCOUNT}
            rowAttributes={shareRowAttributes}
            rowDetail={(share) =>
              editing === share.account ? (
                <DeadlineEditor
                  imageRef={imageRef}
                  share={share}
                  onDone={() => {
                    setEditing(null);
                  }}
                />
              ) : null
            }
          />
        </section>
      )}

      <ShareForm imageRef={imageRef} sharedWith={rows.map((share) => share.account)} disabled={isPublic} />

      {removing !== null && (
        <RemoveDialog
          imageRef={imageRef}
          account={removing}
          onClose={() => {
            setRemoving(null);
          }}
        />
      )}
    </div>
  );
}

/** Asks before a share ends: the account loses access to the image at once. */
function RemoveDialog({ imageRef, account, onClose }: { imageRef: ImageRef; account: string; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveShare(imageRef);
  const image = `${imageRef.organization}/${imageRef.image}`;
  return (
    <Modal
      open
      onClose={onClose}
      title={t("sharing.removeDialog.title", { account })}
      closeLabel={t("sharing.removeDialog.cancel")}
      testId="sharing-remove-confirm"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("sharing.removeDialog.cancel")}
          </button>
          <button
            type="button"
            className="button button-primary button-destructive"
            data-testid="sharing-remove-ok"
            disabled={remove.isPending}
            onClick={() => {
              remove.mutate(account, { onSuccess: onClose });
            }}
          >
            {remove.isPending ? t("sharing.removeDialog.removing") : t("sharing.removeDialog.confirm")}
          </button>
        </>
      }
    >
      <p>{t("sharing.removeDialog.body", { account, image })}</p>
      {remove.error && <ErrorNotice title={t("sharing.removeDialog.failed")} error={remove.error} testId="sharing-remove-error" />}
    </Modal>
  );
}
