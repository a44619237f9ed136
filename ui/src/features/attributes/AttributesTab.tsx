import { useDeferredValue, useId, useState, type SyntheticEvent } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Modal } from "../../components/Modal";
import { Select } from "../../components/Select";
import type { Attributes, AttributesChange, Category } from "../../ipc";
import { CATEGORIES, categoryLabel } from "../browse/categories";
import type { ImageRef } from "../browse/queries";
import { Markdown } from "./markdown";
import { useImageAttributes, useSaveAttributes } from "./queries";
import { FieldViolation, violationOn } from "./violation";
import "../browse/browse.css";
import "./attributes.css";
import { numberFormat } from "../../i18n/formatters";
import { IMAGE_DESCRIPTION_MAX } from "../../ipc/bindings";

/** The fields the form shows under the names the backend gives them in a rule violation. */
const FIELDS = ["category", "description"] as const;

/** What the user changed; a field that is absent keeps what SWR holds. */
interface Draft {
  isPublic?: boolean;
  category?: Category;
  description?: string;
}

/** Characters as the backend counts them: code points, so an emoji or a CJK character is one. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** The fields whose new value differs from what SWR holds; the rest are sent as null. */
function changeOf(draft: Draft, held: Attributes): AttributesChange {
  return {
    isPublic: draft.isPublic !== undefined && draft.isPublic !== held.isPublic ? draft.isPublic : null,
    category: draft.category !== undefined && draft.category !== held.category ? draft.category : null,
    description: draft.description !== undefined && draft.description !== held.description ? draft.description : null,
  };
}

/** Visibility, category and description of an image, edited and saved together. */
export function AttributesTab({ imageRef }: { imageRef: ImageRef }) {
  const { t } = useTranslation();
  const attributes = useImageAttributes(imageRef);
  const name = `${imageRef.organization}/${imageRef.image}`;

  return (
    <div className="attributes-tab" data-testid="attributes-tab" data-image={name}>
      {attributes.error && (
        <ErrorNotice
          title={t("attributes.loadFailed")}
          error={attributes.error}
          testId="attributes-error"
          onRetry={() => void attributes.refetch()}
        />
      )}
      {!attributes.data && !attributes.error && <p className="muted">{t("app.loading")}</p>}
      {attributes.data && <AttributesForm key={`${imageRef.profileId}/${name}`} imageRef={imageRef} held={attributes.data} />}
    </div>
  );
}

function AttributesForm({ imageRef, held }: { imageRef: ImageRef; held: Attributes }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const save = useSaveAttributes(imageRef);
  const [draft, setDraft] = useState<Draft>({});
  const [confirming, setConfirming] = useState<boolean | null>(null);

  const isPublic = draft.isPublic ?? held.isPublic;
  const category = draft.category ?? held.category;
  const description = draft.description ?? held.description;
  const preview = useDeferredValue(description);
  const change = changeOf(draft, held);
  const dirty = change.isPublic !== null || change.category !== null || change.description !== null;
  const length = characterCount(description);
  const over = length - IMAGE_DESCRIPTION_MAX;
  const number = (value: number) => numberFormat(i18n.language).format(value);

  const error = save.error;
  const onField = violationOn(error, FIELDS);
  const fieldError = (field: (typeof FIELDS)[number]) =>
    error && onField?.field === field ? <FieldViolation error={error} id={`${id}-${field}-error`} testId="attributes-error" /> : null;
  const categoryError = fieldError("category");
  const descriptionError = fieldError("description");

  const edit = (patch: Draft) => {
    save.reset();
    setDraft((now) => ({ ...now, ...patch }));
  };

  const chooseVisibility = (value: boolean) => {
    if (value === isPublic) return;
    // Going back to what SWR holds changes nothing, so only a real change is confirmed.
    if (value === held.isPublic) edit({ isPublic: value });
    else setConfirming(value);
  };

  const onSubmit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!dirty || over > 0 || save.isPending) return;
    save.mutate(change, {
      onSuccess: () => {
        setDraft({});
      },
    });
  };

  const visibilityChoices = [
    { value: false, key: "private" as const },
    { value: true, key: "public" as const },
  ];

  return (
    <form className="panel attributes-form" onSubmit={onSubmit} noValidate>
      <fieldset className="field">
        <legend className="field-label">{t("attributes.visibility.legend")}</legend>
        <div className="field-control visibility-choices">
          {visibilityChoices.map((choice) => (
            <label key={choice.key} className="visibility-choice">
              <input
                type="radio"
                name={`${id}-visibility`}
                value={choice.key}
                checked={isPublic === choice.value}
                data-testid={`attributes-visibility-${choice.key}`}
                aria-describedby={`${id}-${choice.key}-meaning`}
                onChange={() => {
                  chooseVisibility(choice.value);
                }}
              />
              <span className="visibility-text">
                <span className="visibility-name">{t(`attributes.visibility.${choice.key}`)}</span>
                <span id={`${id}-${choice.key}-meaning`} className="field-hint">
                  {t(`attributes.visibility.${choice.key}Meaning`)}
                </span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-category`}>
          {t("attributes.category.label")}
        </label>
        <div className="field-control">
          <Select
            id={`${id}-category`}
            testId="attributes-category"
            value={category ?? ""}
            aria-invalid={categoryError ? true : undefined}
            aria-describedby={categoryError ? `${id}-category-error` : undefined}
            onChange={(value) => {
              if (value !== "") edit({ category: value });
            }}
            placeholder={t("attributes.category.unknown")}
            choices={CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }))}
          />
          {categoryError}
        </div>
      </div>

      <div className="field">
        <label className="field-label" htmlFor={`${id}-description`}>
          {t("attributes.description.label")}
        </label>
        <div className="field-control description-control">
          <div className="description-editor">
            <textarea
              id={`${id}-description`}
              className="input description-input"
              data-testid="attributes-description"
              value={description}
              spellCheck
              aria-invalid={over > 0 || descriptionError ? true : undefined}
              aria-describedby={`${id}-description-count ${id}-description-hint${descriptionError ? ` ${id}-description-error` : ""}`}
              onChange={(event) => {
                edit({ description: event.target.value });
              }}
            />
            <section className="description-preview" aria-label={t("attributes.description.preview")}>
              <p className="description-preview-title">{t("attributes.description.preview")}</p>
              <div className="markdown" data-testid="attributes-preview">
                {preview.trim() === "" ? (
                  <p className="muted">{t("attributes.description.previewEmpty")}</p>
                ) : (
                  <Markdown source={preview} />
                )}
              </div>
            </section>
          </div>
          <p
            id={`${id}-description-count`}
            className={over > 0 ? "description-count field-error" : "description-count field-hint"}
            data-testid="attributes-description-count"
            data-over={over > 0}
          >
            {t("attributes.description.count", { used: number(length), max: number(IMAGE_DESCRIPTION_MAX) })}
          </p>
          {over > 0 && (
            <p className="field-error" role="alert" data-testid="attributes-description-too-long">
              {t("attributes.description.tooLong", { max: number(IMAGE_DESCRIPTION_MAX), over: number(over) })}
            </p>
          )}
          <p id={`${id}-description-hint`} className="field-hint">
            {t("attributes.description.hint")}
          </p>
          {descriptionError}
        </div>
      </div>

      <div className="attributes-actions">
        <div className="attributes-status">
          {save.isSuccess && (
            <p className="status-success" role="status" data-testid="attributes-saved">
              {save.data.changed ? t("attributes.saved") : t("attributes.savedUnchanged")}
            </p>
          )}
          {error && !onField && <ErrorNotice title={t("attributes.saveFailed")} error={error} testId="attributes-error" />}
        </div>
        <button
          type="button"
          className="button"
          data-testid="attributes-reset"
          disabled={!dirty || save.isPending}
          onClick={() => {
            save.reset();
            setDraft({});
          }}
        >
          {t("attributes.reset")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="attributes-save"
          disabled={!dirty || over > 0 || save.isPending}
        >
          {save.isPending ? t("attributes.saving") : t("attributes.save")}
        </button>
      </div>

      <VisibilityConfirmation
        imageRef={imageRef}
        makePublic={confirming}
        onCancel={() => {
          setConfirming(null);
        }}
        onConfirm={(value) => {
          setConfirming(null);
          edit({ isPublic: value });
        }}
      />
    </form>
  );
}

/** Asks before a visibility change: who may pull the image changes with it. */
function VisibilityConfirmation({
  imageRef,
  makePublic,
  onCancel,
  onConfirm,
}: {
  imageRef: ImageRef;
  makePublic: boolean | null;
  onCancel: () => void;
  onConfirm: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  const image = `${imageRef.organization}/${imageRef.image}`;
  const footer =
    makePublic === null ? undefined : (
      <>
        <button type="button" className="button" onClick={onCancel}>
          {t("attributes.confirm.cancel")}
        </button>
        <button
          type="button"
          className="button button-primary"
          data-testid="attributes-confirm-ok"
          onClick={() => {
            onConfirm(makePublic);
          }}
        >
          {makePublic ? t("attributes.confirm.makePublic") : t("attributes.confirm.makePrivate")}
        </button>
      </>
    );
  return (
    <Modal
      open={makePublic !== null}
      onClose={onCancel}
      title={makePublic ? t("attributes.confirm.publicTitle", { image }) : t("attributes.confirm.privateTitle", { image })}
      closeLabel={t("attributes.confirm.cancel")}
      testId="attributes-confirm"
      footer={footer}
    >
      <p>
        {makePublic
          ? t("attributes.confirm.publicBody")
          : t("attributes.confirm.privateBody", { organization: imageRef.organization })}
      </p>
      <p className="muted">{t("attributes.confirm.whenSaved")}</p>
    </Modal>
  );
}
