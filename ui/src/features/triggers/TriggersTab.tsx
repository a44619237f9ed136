import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { InfoIcon } from "../../components/icons";
import { Modal } from "../../components/Modal";
import type { Trigger } from "../../ipc";
import type { ImageRef } from "../browse/queries";
import { useDeleteTrigger, useTriggers } from "./queries";
import { TriggerCard } from "./TriggerCard";
import { TriggerForm } from "./TriggerForm";
import { TriggerTester } from "./TriggerTester";
import { workloadWords } from "./words";
import "../browse/browse.css";
import "./triggers.css";

/** The workloads a push to this image updates: the image's triggers, a form to add one, and a tag tester. */
export function TriggersTab({ imageRef }: { imageRef: ImageRef }) {
  const { t } = useTranslation();
  const triggers = useTriggers(imageRef);
  const [adding, setAdding] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<Trigger | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const name = `${imageRef.organization}/${imageRef.image}`;
  const list = triggers.data ?? [];
  const closeForm = () => {
    setAdding(false);
    // The button was disabled while the form was open; focus goes back to it once it is not.
    requestAnimationFrame(() => addButton.current?.focus());
  };

  return (
    <div className="triggers-tab" data-testid="triggers-tab" data-image={name}>
      <p className="muted">{t("triggers.intro")}</p>
      <div className="triggers-toolbar">
        {triggers.data && (
          <p className="list-count" data-testid="triggers-count">
            {t("triggers.count", { count: list.length })}
          </p>
        )}
        <button
          type="button"
          className="button button-primary triggers-add"
          ref={addButton}
          data-testid="trigger-add-open"
          aria-expanded={adding}
          disabled={adding}
          onClick={() => {
            setAdded(null);
            setAdding(true);
          }}
        >
          {t("triggers.add")}
        </button>
      </div>

      {added !== null && (
        <div className="notice notice-info" role="status" data-testid="trigger-added">
          <InfoIcon />
          <div className="notice-body">
            <p>{t("triggers.form.added", { name: added })}</p>
          </div>
        </div>
      )}
      {adding && (
        <TriggerForm
          imageRef={imageRef}
          onCancel={closeForm}
          onAdded={(trigger) => {
            closeForm();
            setAdded(trigger);
          }}
        />
      )}

      {triggers.error && (
        <ErrorNotice title={t("triggers.loadFailed")} error={triggers.error} testId="triggers-error" onRetry={() => void triggers.refetch()} />
      )}
      {triggers.isPending && <p className="muted">{t("app.loading")}</p>}
      {triggers.data && list.length === 0 && (
        <p className="list-empty" data-testid="triggers-empty">
          {t("triggers.empty")}
        </p>
      )}
      {list.length > 0 && (
        <ul className="trigger-list" aria-label={t("triggers.listLabel", { image: name })}>
          {list.map((trigger) => (
            <TriggerCard key={trigger.name} imageRef={imageRef} trigger={trigger} onDelete={setDeleting} />
          ))}
        </ul>
      )}

      {triggers.data && <TriggerTester imageRef={imageRef} triggers={list} />}

      {deleting !== null && (
        <DeleteDialog
          imageRef={imageRef}
          trigger={deleting}
          onClose={() => {
            setDeleting(null);
          }}
        />
      )}
    </div>
  );
}

/** Asks before a trigger goes: pushes stop updating its workload at once. */
function DeleteDialog({ imageRef, trigger, onClose }: { imageRef: ImageRef; trigger: Trigger; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteTrigger(imageRef);
  const image = `${imageRef.organization}/${imageRef.image}`;
  return (
    <Modal
      open
      onClose={onClose}
      title={t("triggers.deleteDialog.title", { name: trigger.name })}
      closeLabel={t("triggers.deleteDialog.cancel")}
      testId="trigger-delete-confirm"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t("triggers.deleteDialog.cancel")}
          </button>
          <button
            type="button"
            className="button button-primary button-destructive"
            data-testid="trigger-delete-ok"
            disabled={remove.isPending}
            onClick={() => {
              remove.mutate(trigger.name, { onSuccess: onClose });
            }}
          >
            {remove.isPending ? t("triggers.deleteDialog.deleting") : t("triggers.deleteDialog.confirm")}
          </button>
        </>
      }
    >
      <p>
        {t("triggers.deleteDialog.body", {
          image,
          workload: workloadWords(t, trigger),
          namespace: trigger.cluster_ns,
        })}
      </p>
      {remove.error && <ErrorNotice title={t("triggers.deleteDialog.failed")} error={remove.error} testId="trigger-delete-error" />}
    </Modal>
  );
}
