import { useDeferredValue, useEffect, useId, useState } from "react";
import { Controller, useController } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { ownProblem } from "../../components/form/problem";
import { showRefusal, useRuleForm } from "../../components/form/useRuleForm";
import { Modal } from "../../components/Modal";
import { Select } from "../../components/Select";
import type { Attributes, AttributesChange } from "../../ipc";
import { CATEGORIES, categoryLabel } from "../browse/categories";
import type { ImageRef } from "../browse/queries";
import { Markdown } from "./markdown";
import { useImageAttributes, useSaveAttributes } from "./queries";
import "../browse/browse.css";
import "./attributes.css";
import { numberFormat } from "../../i18n/formatters";
import { IMAGE_DESCRIPTION_MAX } from "../../ipc/bindings";

/** The fields of the form under the names the backend gives them in a rule violation. */
const FIELDS = { category: "category", description: "description" } as const;

/** Characters as the backend counts them: code points, so an emoji or a CJK character is one. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** The fields whose new value differs from what SWR holds; the rest are sent as null. */
function changeOf(values: Attributes, held: Attributes): AttributesChange {
  return {
    isPublic: values.isPublic !== held.isPublic ? values.isPublic : null,
    category: values.category !== held.category ? values.category : null,
    description: values.description !== held.description ? values.description : null,
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
  const [confirming, setConfirming] = useState<boolean | null>(null);
  const number = (value: number, language = i18n.language) => numberFormat(language).format(value);

  const form = useRuleForm<Attributes>({
    defaultValues: held,
    // A description's one rule is its length, counted in code points as SWR counts it.
    check: ({ description }) => {
      const over = characterCount(description) - IMAGE_DESCRIPTION_MAX;
      return {
        description:
          over > 0
            ? ownProblem(i18n, "description.length", (say, language) =>
                say("attributes.description.tooLong", { max: number(IMAGE_DESCRIPTION_MAX, language), over: number(over, language) }),
              )
            : null,
      };
    },
  });
  const { register, formState, handleSubmit, watch, control } = form;
  // Read on every render: the form works out only the state a render reads, and the buttons
  // below read validity only once something changed.
  const { errors, isDirty, isValid } = formState;
  const visibility = useController({ control, name: "isPublic" });
  const isPublic = visibility.field.value;
  const description = watch("description");
  const preview = useDeferredValue(description);
  const length = characterCount(description);
  const over = length - IMAGE_DESCRIPTION_MAX;

  // What SWR holds, read again after a save or changed from elsewhere, is what the form starts
  // from: a field the user has not changed shows it, one the user changed keeps the change.
  useEffect(() => {
    for (const name of ["isPublic", "category", "description"] as const) {
      if (!form.getFieldState(name).isDirty) form.setValue(name, held[name]);
    }
    form.resetDefaultValues(held);
  }, [form, held]);

  const error = save.error;
  // A result stays on screen only until the user edits again.
  const edit = () => {
    save.reset();
  };

  const setVisibility = (value: boolean) => {
    edit();
    visibility.field.onChange(value);
  };

  const chooseVisibility = (value: boolean) => {
    if (value === isPublic) return;
    // Going back to what SWR holds changes nothing, so only a real change is confirmed.
    if (value === held.isPublic) setVisibility(value);
    else setConfirming(value);
  };

  const onSubmit = handleSubmit((values) => {
    save.mutate(changeOf(values, held), {
      onSuccess: (outcome) => {
        form.reset(outcome.after);
      },
      onError: (failure) => {
        if (showRefusal(form, failure, FIELDS)) save.reset();
      },
    });
  });

  const visibilityChoices = [
    { value: false, key: "private" as const },
    { value: true, key: "public" as const },
  ];

  return (
    <form className="panel attributes-form" onSubmit={(event) => void onSubmit(event)} noValidate>
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
          <Controller
            control={control}
            name="category"
            render={({ field }) => (
              <Select
                id={`${id}-category`}
                testId="attributes-category"
                ref={field.ref}
                value={field.value ?? ""}
                aria-invalid={errors.category ? true : undefined}
                aria-describedby={`${id}-category-problem`}
                onChange={(value) => {
                  if (value === "") return;
                  edit();
                  field.onChange(value);
                }}
                placeholder={t("attributes.category.unknown")}
                choices={CATEGORIES.map((value) => ({ value, label: categoryLabel(t, value) }))}
              />
            )}
          />
          <FieldProblem error={errors.category} id={`${id}-category-problem`} testId="attributes-category-problem" />
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
              spellCheck
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={`${id}-description-count ${id}-description-hint ${id}-description-problem`}
              {...register("description", { onChange: edit })}
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
          <FieldProblem error={errors.description} id={`${id}-description-problem`} testId="attributes-description-too-long" />
          <p id={`${id}-description-hint`} className="field-hint">
            {t("attributes.description.hint")}
          </p>
        </div>
      </div>

      <div className="attributes-actions">
        <div className="attributes-status">
          {save.isSuccess && (
            <p className="status-success" role="status" data-testid="attributes-saved">
              {save.data.changed ? t("attributes.saved") : t("attributes.savedUnchanged")}
            </p>
          )}
          {error && <ErrorNotice title={t("attributes.saveFailed")} error={error} testId="attributes-error" />}
        </div>
        <button
          type="button"
          className="button"
          data-testid="attributes-reset"
          disabled={!isDirty || save.isPending}
          onClick={() => {
            save.reset();
            form.reset(held);
          }}
        >
          {t("attributes.reset")}
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="attributes-save"
          disabled={!isDirty || !isValid || formState.isSubmitting || save.isPending}
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
          setVisibility(value);
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
