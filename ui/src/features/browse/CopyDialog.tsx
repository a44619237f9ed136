import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { useCopyTag, type ImageRef } from "./queries";

/** Copies one tag to another `org/image:tag`; the registry links or copies the layers itself. */
export function CopyDialog({ imageRef, tag, onClose }: { imageRef: ImageRef; tag: string; onClose: () => void }) {
  const { t } = useTranslation();
  const copy = useCopyTag(imageRef.profileId);
  const source = `${imageRef.organization}/${imageRef.image}:${tag}`;
  const [target, setTarget] = useState(`${imageRef.organization}/${imageRef.image}:`);
  const inputId = useId();
  const hintId = useId();
  const outcome = copy.data;
  const ready = target.trim() !== "" && !target.trim().endsWith(":") && target.trim() !== source;

  const footer = outcome ? (
    <button type="button" className="button" onClick={onClose}>
      {t("copyTag.close")}
    </button>
  ) : (
    <>
      <button type="button" className="button" onClick={onClose}>
        {t("copyTag.cancel")}
      </button>
      <button type="submit" form={inputId + "-form"} className="button button-primary" data-testid="copy-submit" disabled={!ready || copy.isPending}>
        {copy.isPending ? t("copyTag.copying") : t("copyTag.submit")}
      </button>
    </>
  );

  return (
    <Modal open onClose={onClose} title={t("copyTag.title", { source })} closeLabel={t("copyTag.close")} testId="copy-dialog" footer={footer}>
      {!outcome && (
        <form
          id={inputId + "-form"}
          className="stacked-field"
          onSubmit={(event) => {
            event.preventDefault();
            if (ready) copy.mutate({ source, target: target.trim() });
          }}
        >
          <label htmlFor={inputId}>{t("copyTag.target")}</label>
          <input
            id={inputId}
            className="input"
            data-testid="copy-target"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={hintId}
            value={target}
            onChange={(e) => {
              setTarget(e.target.value);
            }}
          />
          <p id={hintId} className="field-hint">
            {t("copyTag.targetHint")}
          </p>
        </form>
      )}
      {copy.error && <ErrorNotice title={t("copyTag.failed")} error={copy.error} />}
      {outcome && (
        <div data-testid="copy-result" role="status">
          <p className="status-success">{t("copyTag.result", { target: outcome.target })}</p>
          <p>{t("copyTag.counts", { mounted: outcome.mounted, copied: outcome.copied, present: outcome.present })}</p>
        </div>
      )}
    </Modal>
  );
}
