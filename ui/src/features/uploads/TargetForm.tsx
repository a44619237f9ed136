import { useId, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { Select } from "../../components/Select";
import { errorDetails, errorSummary, localized } from "../../components/errorText";
import type { TargetProblem, UploadItemView } from "../../ipc";
import { useProfiles } from "../profiles/queries";
import { PullCommand } from "./PullCommand";
import { useOrganizations } from "../organizations/queries";
import { useNewOrganization } from "../organizations/useNewOrganization";
import type { TargetDraftState } from "./targetDraft";

function Problems({ problems }: { problems: TargetProblem[] }) {
  const { i18n } = useTranslation();
  if (problems.length === 0) return null;
  return (
    <ul className="field-problems">
      {problems.map((p, i) => (
        <li key={`${p.violation.rule}-${i}`} className="field-problem" data-testid="upload-problem" data-rule={p.violation.rule} data-field={p.violation.field}>
          {localized(p.violation.message, i18n.language)}
        </li>
      ))}
    </ul>
  );
}

const GENERAL_FIELDS: Record<string, "profile" | "organization"> = {
  profile: "profile",
  credentials: "profile",
  organization: "organization",
  namespace: "organization",
};

/** Profile, organization, name and tag per image, compression; problems next to their fields. */
/** An image's name or tag input, with the problems SWR's rules find in it. */
function ImageField(props: {
  label: string;
  hint?: string;
  testId: string;
  index: number;
  value: string;
  problems: TargetProblem[];
  onChange: (value: string) => void;
}) {
  const { label, hint, testId, index, value, problems, onChange } = props;
  return (
    <label className="target-field">
      <span className="target-label">{label}</span>
      <input
        className="input mono"
        data-testid={testId}
        data-index={index}
        value={value}
        spellCheck={false}
        aria-invalid={problems.length > 0}
        onChange={(e) => { onChange(e.target.value); }}
      />
      {hint !== undefined && <span className="field-hint">{hint}</span>}
      <Problems problems={problems} />
    </label>
  );
}

export function TargetForm({ item, target }: { item: UploadItemView; target: TargetDraftState }) {
  const { t } = useTranslation();
  const { draft, change } = target;
  const profiles = useProfiles();
  const id = useId();

  const general = item.problems.filter((p) => p.image === null);
  const of = (field: "profile" | "organization") => general.filter((p) => GENERAL_FIELDS[p.violation.field] === field);
  const other = [
    ...general.filter((p) => GENERAL_FIELDS[p.violation.field] === undefined),
    ...item.problems.filter((p) => p.image !== null && !["repository", "tag"].includes(p.violation.field)),
  ];
  const profileList = profiles.data?.profiles ?? [];

  return (
    <fieldset className="target" data-testid="upload-target">
      <legend className="target-title">{t("uploads.target.title")}</legend>
      <div className="target-grid">
        <label className="target-field" htmlFor={`${id}-profile`}>
          <span className="target-label">{t("uploads.target.profile")}</span>
          <Select
            id={`${id}-profile`}
            testId="upload-profile"
            value={draft.profileId}
            aria-invalid={of("profile").length > 0}
            onChange={(profileId) => { change({ profileId }); }}
            placeholder={t("uploads.target.chooseProfile")}
            choices={profileList.map(({ profile }) => ({ value: profile.id, label: `${profile.name} · ${profile.region}` }))}
          />
          {profiles.isSuccess && profileList.length === 0 && <span className="field-hint">{t("uploads.target.noProfiles")}</span>}
          <Problems problems={of("profile")} />
        </label>
        <OrganizationField
          profileId={draft.profileId === "" ? null : draft.profileId}
          value={draft.organization}
          problems={of("organization")}
          onChange={(organization) => { change({ organization }); }}
        />
      </div>

      {item.images.map((image, index) => {
        const values = draft.images[index] ?? { name: "", tags: "" };
        const mine = item.problems.filter((p) => p.image === index);
        const setImage = (patch: Partial<{ name: string; tags: string }>) => {
          change({ images: draft.images.map((v, i) => (i === index ? { ...v, ...patch } : v)) });
        };
        return (
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
              <ImageField
                label={t("uploads.target.name")}
                testId="upload-image-name"
                index={index}
                value={values.name}
                problems={mine.filter((p) => p.violation.field === "repository")}
                onChange={(name) => { setImage({ name }); }}
              />
              <ImageField
                label={t("uploads.target.tags")}
                hint={t("uploads.target.tagsHint")}
                testId="upload-image-tags"
                index={index}
                value={values.tags}
                problems={mine.filter((p) => p.violation.field === "tag")}
                onChange={(tags) => { setImage({ tags }); }}
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
        );
      })}
      <Problems problems={other} />

      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="upload-compress"
          checked={draft.compress}
          onChange={(e) => { change({ compress: e.target.checked }); }}
        />
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
  value: string;
  problems: TargetProblem[];
  onChange: (organization: string) => void;
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
    props.onChange(created);
    setCreating(false);
  });
  const { register, formState } = form;
  const { errors } = formState;
  const list = organizations.data ?? [];
  const known = list.some((o) => o.name === props.value);

  return (
    <div className="target-field">
      <label className="target-label" htmlFor={`${id}-org`}>
        {t("uploads.target.organization")}
      </label>
      <div className="target-inline">
        <Select
          id={`${id}-org`}
          testId="upload-organization"
          value={props.value}
          disabled={props.profileId === null}
          aria-invalid={props.problems.length > 0}
          onChange={props.onChange}
          placeholder={organizations.isLoading ? t("uploads.target.loadingOrganizations") : t("uploads.target.chooseOrganization")}
          choices={[
            ...(!known && props.value !== "" ? [{ value: props.value, label: props.value }] : []),
            ...list.map((o) => ({
              value: o.name,
              label: o.canPush ? o.name : t("uploads.target.readOnly", { name: o.name }),
              disabled: !o.canPush,
            })),
          ]}
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
      <Problems problems={props.problems} />
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
