import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { AlertIcon } from "../../components/icons";
import { Modal } from "../../components/Modal";
import { TypedConfirmation } from "../../components/TypedConfirmation";
import type { DeletionOutcome } from "../../ipc";
import { shortDigest } from "../uploads/format";
import { useDeleteTags, usePlanDeletion, type ImageRef } from "./queries";

/**
 * Deleting tags in three steps: the backend's plan of exactly what goes (a tag may take its image
 * with it, or leave it to other tags), the image's name typed out, then each tag's outcome.
 */
export function DeletionDialog(props: {
  imageRef: ImageRef;
  references: string[];
  onDeleted: (tags: string[]) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { imageRef, references, onDeleted } = props;
  const plan = usePlanDeletion(imageRef);
  const remove = useDeleteTags(imageRef);
  const [typed, setTyped] = useState("");
  const name = `${imageRef.organization}/${imageRef.image}`;

  const { mutate: makePlan } = plan;
  useEffect(() => {
    makePlan(references);
  }, [makePlan, references]);

  const planned = plan.data;
  const outcome = remove.data;
  const matches = typed === planned?.confirmation;

  const footer = outcome ? (
    <button type="button" className="button" onClick={props.onClose}>
      {t("deletion.close")}
    </button>
  ) : (
    <>
      <button type="button" className="button" onClick={props.onClose}>
        {t("deletion.cancel")}
      </button>
      <button
        type="button"
        className="button button-primary button-destructive"
        data-testid="deletion-confirm"
        disabled={!matches || remove.isPending}
        onClick={() => {
          if (!planned) return;
          remove.mutate(
            planned.tags.map((item) => item.tag),
            {
              onSuccess: (result) => {
                onDeleted(result.deleted);
              },
            },
          );
        }}
      >
        {remove.isPending ? t("deletion.deleting") : t("deletion.confirm")}
      </button>
    </>
  );

  return (
    <Modal
      open
      onClose={props.onClose}
      title={t("deletion.title", { image: name })}
      closeLabel={t("deletion.close")}
      testId="deletion-dialog"
      footer={footer}
    >
      {plan.isPending && <p className="muted" role="status">{t("deletion.planning")}</p>}
      {plan.error && (
        <ErrorNotice
          title={t("deletion.planFailed")}
          error={plan.error}
          onRetry={() => {
            makePlan(references);
          }}
        />
      )}
      {planned && !outcome && (
        <>
          <p>{t("deletion.intro", { count: planned.tags.length })}</p>
          <ul className="deletion-items">
            {planned.tags.map((item) => (
              <li key={item.tag} data-testid="deletion-item" data-tag={item.tag} data-image-gone={item.imageGone}>
                <span className="tag-name">{item.tag}</span>
                <code title={item.digest}>{shortDigest(item.digest)}</code>
                <span className="field-hint">
                  {item.imageGone ? t("deletion.imageGone") : t("deletion.alsoUsedBy", { tags: item.keptSiblings.join(", ") })}
                </span>
              </li>
            ))}
          </ul>
          <div className="notice notice-warning">
            <AlertIcon />
            <p className="notice-body">{t("deletion.irreversible")}</p>
          </div>
          <TypedConfirmation
            label={t("deletion.confirmLabel", { confirmation: planned.confirmation })}
            value={typed}
            onChange={setTyped}
            testId="deletion-confirm-input"
          />
        </>
      )}
      {remove.error && <ErrorNotice title={t("deletion.failed")} error={remove.error} />}
      {outcome && <Outcome outcome={outcome} />}
    </Modal>
  );
}

function Outcome({ outcome }: { outcome: DeletionOutcome }) {
  const { t } = useTranslation();
  return (
    <div className="deletion-result" data-testid="deletion-result" role="status">
      {outcome.deleted.length > 0 && (
        <p className="status-success">{t("deletion.deleted", { count: outcome.deleted.length, tags: outcome.deleted.join(", ") })}</p>
      )}
      {outcome.failed.length > 0 && (
        <div className="notice notice-error">
          <AlertIcon />
          <div className="notice-body">
            <p className="notice-title">{t("deletion.notDeleted", { count: outcome.failed.length })}</p>
            <ul>
              {outcome.failed.map((failure) => (
                <li key={failure.tag} data-testid="deletion-failure" data-tag={failure.tag}>
                  <span className="tag-name">{failure.tag}</span>: {failure.message}
                  {failure.requestId !== null && (
                    <span className="notice-detail"> {t("deletion.requestId", { requestId: failure.requestId })}</span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}
