import { useId, useState } from "react";
import { Controller, get, useWatch, type UseFormReturn } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import type { FormError } from "../../components/form/problem";
import { Select } from "../../components/Select";
import { errorDetails, errorSummary } from "../../components/errorText";
import type { UploadItemView } from "../../ipc";
import { useProfiles } from "../profiles/queries";
import { PullCommand } from "./PullCommand";
import { useOrganizations } from "../organizations/queries";
import { useNewOrganization } from "../organizations/useNewOrganization";
import type { TargetDraft, TargetDraftState } from "./targetDraft";

/** An image's name or tag input, with the problems SWR's rules find in it. */
function ImageField(props: {
  form: UseFormReturn<TargetDraft>;
  name: `images.${number}.name` | `images.${number}.tags`;
  label: string;
  hint?: string;
  testId: string;
  index: number;
}) {
  const { form, name, label, hint, testId, index } = props;
  const id = useId();
  const error: FormError | undefined = get(form.formState.errors, name);
  return (
    <label className="target-field">
      <span className="target-label">{label}</span>
      <input
        className="input mono"
        data-testid={testId}
        data-index={index}
        spellCheck={false}
        aria-invalid={error !== undefined}
        aria-describedby={error === undefined ? undefined : `${id}-problem`}
        {...form.register(name)}
      />
      {hint !== undefined && <span className="field-hint">{hint}</span>}
      <FieldProblem error={error} id={`${id}-problem`} testId="upload-problem" />
    </label>
  );
}

/** Profile, organization, name and tag per image, compression; problems on their fields. */
export function TargetForm({ item, target }: { item: UploadItemView; target: TargetDraftState }) {
  const { t } = useTranslation();
  const { form } = target;
  const { control, register, setValue } = form;
  const { errors } = form.formState;
  const profileId = useWatch({ control, name: "profileId" });
  const profiles = useProfiles();
  const id = useId();
  const profileList = profiles.data?.profiles ?? [];

  return (
    <fieldset className="target" data-testid="upload-target">
      <legend className="target-title">{t("uploads.target.title")}</legend>
      <div className="target-grid">
        <div className="target-field">
          <label className="target-label" htmlFor={`${id}-profile`}>
            {t("uploads.target.profile")}
          </label>
          <Controller
            control={control}
            name="profileId"
            render={({ field }) => (
              <Select
                ref={field.ref}
                id={`${id}-profile`}
                testId="upload-profile"
                value={field.value}
                aria-invalid={errors.profileId !== undefined}
                aria-describedby={errors.profileId === undefined ? undefined : `${id}-profile-problem`}
                onChange={field.onChange}
                placeholder={t("uploads.target.chooseProfile")}
                choices={profileList.map(({ profile }) => ({ value: profile.id, label: `${profile.name} · ${profile.region}` }))}
              />
            )}
          />
          {profiles.isSuccess && profileList.length === 0 && <span className="field-hint">{t("uploads.target.noProfiles")}</span>}
          <FieldProblem error={errors.profileId} id={`${id}-profile-problem`} testId="upload-problem" />
        </div>
        <OrganizationField
          profileId={profileId === "" ? null : profileId}
          form={form}
          onCreated={(organization) => {
            setValue("organization", organization, { shouldDirty: true });
          }}
        />
      </div>

      {item.images.map((image, index) => (
        <div key={image.index} className="target-image" data-testid="upload-target-image" data-index={index}>
          <div className="target-image-head">
            <strong>{t("uploads.target.image", { n: index + 1 })}</strong>
            <span className="muted">
              {image.sourceReferences.length > 0 ? (
                <>
                  {t("uploads.target.from")}{" "}
                  {image.sourceReferences.map((r) => <code key={r} className="chip">{r}</code>)}
                </>
              ) : (
                t("uploads.target.fromUntagged")
              )}
            </span>
          </div>
          <div className="target-grid">
            <ImageField form={form} name={`images.${index}.name`} label={t("uploads.target.name")} testId="upload-image-name" index={index} />
            <ImageField
              form={form}
              name={`images.${index}.tags`}
              label={t("uploads.target.tags")}
              hint={t("uploads.target.tagsHint")}
              testId="upload-image-tags"
              index={index}
            />
          </div>
          <div className="target-preview">
            <span className="target-label">{t("uploads.target.preview")}</span>
            {image.references.length === 0 ? (
              <span className="field-hint">{t("uploads.target.previewIncomplete")}</span>
            ) : (
              image.references.map((reference) => <PullCommand key={reference} reference={reference} />)
            )}
          </div>
        </div>
      ))}
      <FieldProblem error={errors.root} id={`${id}-other-problem`} testId="upload-problem" />

      <label className="checkbox">
        <input type="checkbox" data-testid="upload-compress" {...register("compress")} />
        <span>
          {t("uploads.target.compress")}
          <span className="field-hint"> — {t("uploads.target.compressHint")}</span>
        </span>
      </label>
      {target.error && <ErrorNotice title={t("uploads.actionFailed")} error={target.error} />}
    </fieldset>
  );
}

function OrganizationField(props: {
  profileId: string | null;
  form: UseFormReturn<TargetDraft>;
  onCreated: (organization: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const organizations = useOrganizations(props.profileId);
  const [creating, setCreating] = useState(false);
  const {
    form,
    create,
    onSubmit: onCreate,
  } = useNewOrganization(props.profileId, (created) => {
    props.onCreated(created);
    setCreating(false);
  });
  const { register, formState } = form;
  const { errors } = formState;
  const problem = props.form.formState.errors.organization;
  const list = organizations.data ?? [];

  return (
    <div className="target-field">
      <label className="target-label" htmlFor={`${id}-org`}>
        {t("uploads.target.organization")}
      </label>
      <div className="target-inline">
        <Controller
          control={props.form.control}
          name="organization"
          render={({ field }) => (
            <Select
              ref={field.ref}
              id={`${id}-org`}
              testId="upload-organization"
              value={field.value}
              disabled={props.profileId === null}
              aria-invalid={problem !== undefined}
              aria-describedby={problem === undefined ? undefined : `${id}-org-problem`}
              onChange={field.onChange}
              placeholder={organizations.isLoading ? t("uploads.target.loadingOrganizations") : t("uploads.target.chooseOrganization")}
              choices={[
                // A name the list lacks (typed elsewhere, or from an earlier session) stays shown.
                ...(field.value !== "" && !list.some((o) => o.name === field.value) ? [{ value: field.value, label: field.value }] : []),
                ...list.map((o) => ({
                  value: o.name,
                  label: o.canPush ? o.name : t("uploads.target.readOnly", { name: o.name }),
                  disabled: !o.canPush,
                })),
              ]}
            />
          )}
        />
        <button
          type="button"
          className="button button-small"
          data-testid="upload-org-create"
          aria-expanded={creating}
          disabled={props.profileId === null}
          onClick={() => { setCreating(!creating); }}
        >
          {t("uploads.target.create")}
        </button>
      </div>
      {list.some((o) => !o.canPush) && <span className="field-hint">{t("uploads.target.readOnlyHint")}</span>}
      {organizations.error && <ErrorNotice title={t("uploads.target.organizationsFailed")} error={organizations.error} />}
      <FieldProblem error={problem} id={`${id}-org-problem`} testId="upload-problem" />
      {creating && (
        <form className="org-create" onSubmit={(event) => void onCreate(event)} noValidate>
          <label className="target-field">
            <span className="target-label">{t("uploads.target.createName")}</span>
            <div className="target-inline">
              <input
                className="input mono"
                data-testid="upload-org-create-name"
                spellCheck={false}
                aria-invalid={errors.name ? true : undefined}
                aria-describedby={`${id}-create-hint ${id}-create-problem`}
                {...register("name")}
              />
              <button
                type="submit"
                className="button button-small button-primary"
                data-testid="upload-org-create-submit"
                disabled={!formState.isValid || formState.isSubmitting || create.isPending}
              >
                {t("uploads.target.createSubmit")}
              </button>
              <button type="button" className="button button-small" onClick={() => { setCreating(false); }}>
                {t("uploads.target.createCancel")}
              </button>
            </div>
          </label>
          <span id={`${id}-create-hint`} className="field-hint">
            {t("uploads.target.createRules")}
          </span>
          <FieldProblem error={errors.name} id={`${id}-create-problem`} testId="upload-org-create-name-problem" />
          {create.error && (
            <p className="field-problem" role="alert" data-testid="upload-org-create-error">
              {errorSummary(create.error.error, t, i18n.language)}
              {errorDetails(create.error.error) !== null && (
                <span className="field-hint"> {t("errors.details", { message: errorDetails(create.error.error) })}</span>
              )}
              {create.error.error.requestId !== null && (
                <span className="field-hint"> {t("errors.requestId", { requestId: create.error.error.requestId })}</span>
              )}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
