import { useEffect, useId, useRef, useState } from "react";
import { flushSync } from "react-dom";
import { Controller } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { FieldProblem } from "../../components/form/FieldProblem";
import { fromViolation, ownProblem, refusal } from "../../components/form/problem";
import { showRefusal, useRuleForm, type Problems } from "../../components/form/useRuleForm";
import { Stepper } from "../../components/Stepper";
import {
  CommandError,
  useIpc,
  type EndpointOverrides,
  type ImportedCredentials,
  type Persistence,
  type Profile,
  type ProfileInput,
  type VerifyOutcome,
} from "../../ipc";
import "./profiles.css";
import { LoginOutputsPanel } from "./LoginOutputsPanel";
import { useRuleChecks } from "../rules/queries";
import { useProfileMutation, useRegions } from "./queries";
import { RegionPicker } from "./RegionPicker";

const STEPS = ["region", "credentials", "verify", "outputs"] as const;
type Step = (typeof STEPS)[number];

interface WizardValues {
  name: string;
  region: string;
  accessKeyId: string;
  secretKey: string;
  projectId: string;
  api: string;
  registry: string;
  iam: string;
  caBundle: string;
  proxy: string;
  insecure: boolean;
}

type TextField = Exclude<keyof WizardValues, "region" | "insecure">;

/** The fields of the form under the names the backend's profile rules give them. */
const FIELDS: Partial<Record<string, keyof WizardValues>> = {
  name: "name",
  region: "region",
  accessKeyId: "accessKeyId",
  projectId: "projectId",
  "endpoints.api": "api",
  "endpoints.registry": "registry",
  "endpoints.iam": "iam",
  caBundle: "caBundle",
  proxy: "proxy",
  insecureSkipTlsVerify: "insecure",
};

// Skipping TLS verification is allowed by the hosts the profile talks to, and a region of its own
// by an API endpoint: changing one checks the other again.
const DEPS: Partial<Record<TextField, ("region" | "insecure")[]>> = {
  projectId: ["insecure"],
  api: ["region", "insecure"],
  registry: ["insecure"],
  iam: ["insecure"],
};

/** The fields folded under "Advanced". */
const ADVANCED = ["projectId", "api", "registry", "iam", "caBundle", "proxy", "insecure"] as const;

function valuesFrom(profile: Profile | undefined): WizardValues {
  return {
    name: profile?.name ?? "",
    region: profile?.region ?? "",
    accessKeyId: profile?.accessKeyId ?? "",
    secretKey: "",
    projectId: profile?.projectId ?? "",
    api: profile?.endpoints?.api ?? "",
    registry: profile?.endpoints?.registry ?? "",
    iam: profile?.endpoints?.iam ?? "",
    caBundle: profile?.caBundle ?? "",
    proxy: profile?.proxy ?? "",
    insecure: profile?.insecureSkipTlsVerify ?? false,
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

/**
 * The profile the form describes. `regions`, the endpoints in other regions (set with swrctl),
 * are kept as they are when the profile is edited here.
 */
function toInput(values: WizardValues, regions: EndpointOverrides["regions"]): ProfileInput {
  return {
    name: values.name.trim(),
    region: values.region,
    projectId: orNull(values.projectId),
    accessKeyId: values.accessKeyId.trim(),
    endpoints: {
      api: orNull(values.api),
      registry: orNull(values.registry),
      iam: orNull(values.iam),
      ...(regions ? { regions } : {}),
    },
    caBundle: orNull(values.caBundle),
    proxy: orNull(values.proxy),
    insecureSkipTlsVerify: values.insecure,
  };
}

/**
 * Region → access key → verification → logins. Used on first run and from Profiles; with
 * `profile` it edits that profile, starting at the access key step.
 */
export function ProfileWizard({ profile, onClose }: { profile?: Profile; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const client = useIpc();
  const regions = useRegions();
  const rules = useRuleChecks();
  const otherRegions = profile?.endpoints?.regions;
  const [step, setStep] = useState<Step>(profile ? "credentials" : "region");
  const [imported, setImported] = useState<ImportedCredentials | null>(null);
  const [importError, setImportError] = useState<CommandError | null>(null);
  const [profileId, setProfileId] = useState<string | null>(profile?.id ?? null);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);

  const form = useRuleForm<WizardValues>({
    defaultValues: valuesFrom(profile),
    // The backend's profile rules (the only copy of them), asked once per form as it stands; the
    // secret key is this form's: a new profile needs one, typed or imported.
    check: async (values) => {
      const input = toInput(values, otherRegions);
      const broken = await rules.profile(input);
      const problems: Problems<WizardValues> = {};
      for (const violation of broken) {
        const field = FIELDS[violation.field];
        if (field !== undefined && !problems[field]) problems[field] = fromViolation(violation);
      }
      if (profileId === null && imported === null && values.secretKey.trim() === "") {
        problems.secretKey = ownProblem(i18n, "required", (say) => say("wizard.required"));
      }
      return problems;
    },
  });
  const { register, formState, watch } = form;
  const { errors } = formState;

  const save = useProfileMutation<Persistence, VerifyOutcome>(async (persistence) => {
    setOutcome(null);
    const values = form.getValues();
    const secret = imported
      ? ({ kind: "imported", token: imported.token } as const)
      : values.secretKey.trim() !== ""
        ? ({ kind: "typed", value: values.secretKey } as const)
        : null;
    const saved = await client.saveProfile(profileId, toInput(values, otherRegions), secret, persistence);
    setProfileId(saved.id);
    // The key is stored now: forget it here, and the import token is spent.
    form.reset({ ...values, secretKey: "" });
    setImported(null);
    const result = await client.verifyProfile(saved.id);
    setOutcome(result);
    return result;
  });

  const send = (persistence: Persistence) => {
    save.mutate(persistence, {
      onError: (failure) => {
        if (FIELDS[refusal(failure)?.field ?? ""] === undefined) return;
        // A rule SWR refused goes back onto its field, on the step that shows it.
        flushSync(() => {
          setStep("credentials");
        });
        if (showRefusal(form, failure, FIELDS)) save.reset();
      },
    });
  };

  const onSubmit = form.handleSubmit(() => {
    setStep("verify");
    send("keyring");
  });

  const importCsv = async (file: File) => {
    setImportError(null);
    try {
      const result = await client.importCredentialsCsv(await file.text());
      setImported(result);
      form.setValue("accessKeyId", result.accessKeyId, { shouldDirty: true, shouldValidate: true });
      form.setValue("secretKey", "");
      if (form.getValues("name").trim() === "" && result.userName) {
        form.setValue("name", result.userName, { shouldDirty: true, shouldValidate: true });
      }
    } catch (e) {
      setImportError(e instanceof CommandError ? e : null);
    }
  };

  const keyringMissing = save.error?.code === "keyringUnavailable";
  // Endpoints of their own, or a problem in one of its fields, open "Advanced"; only the user
  // closes it, so it never shuts under the caret when a problem there is fixed.
  const advancedNeeded = watch("api") !== "" || watch("registry") !== "" || ADVANCED.some((key) => errors[key] !== undefined);
  const advancedRef = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (advancedNeeded && advancedRef.current !== null) advancedRef.current.open = true;
  }, [advancedNeeded]);

  const field = (key: TextField, label: string, testId: string, opts: { type?: string; hint?: string } = {}) => {
    const controlId = `${id}-${key}`;
    const error = errors[key];
    const describedBy = [opts.hint !== undefined ? `${controlId}-hint` : null, `${controlId}-problem`].filter((v) => v !== null).join(" ");
    return (
      <div className="field">
        <label className="field-label" htmlFor={controlId}>
          {label}
        </label>
        <div className="field-control">
          <input
            id={controlId}
            className="input wizard-input"
            type={opts.type ?? "text"}
            autoComplete="off"
            spellCheck={false}
            data-testid={testId}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            {...register(key, { deps: DEPS[key] })}
          />
          {opts.hint !== undefined && (
            <span id={`${controlId}-hint`} className="field-hint">
              {opts.hint}
            </span>
          )}
          <FieldProblem error={error} id={`${controlId}-problem`} testId={`${testId}-problem`} />
        </div>
      </div>
    );
  };

  return (
    <div className="panel wizard" data-testid="wizard" data-step={step}>
      <div className="wizard-header">
        <h2 className="panel-title">{profile ? t("wizard.editTitle") : t("wizard.title")}</h2>
        {onClose && (
          <button type="button" className="button" data-testid="wizard-close" onClick={onClose}>
            {t("wizard.close")}
          </button>
        )}
      </div>
      <p className="field-hint">{t("wizard.intro")}</p>
      <Stepper
        steps={STEPS.map((s) => ({ id: s, label: t(`wizard.step.${s}`) }))}
        current={step}
        label={t("wizard.stepsLabel")}
        testIdPrefix="wizard-step-"
      />

      {step === "region" && (
        <div className="wizard-body">
          <Controller
            control={form.control}
            name="region"
            render={({ field: region }) => <RegionPicker regions={regions.data ?? []} value={region.value} onChange={region.onChange} />}
          />
          <div className="wizard-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="wizard-next"
              disabled={watch("region") === ""}
              onClick={() => { setStep("credentials"); }}
            >
              {t("wizard.next")}
            </button>
          </div>
        </div>
      )}

      {step === "credentials" && (
        <form className="wizard-body" onSubmit={(event) => void onSubmit(event)} noValidate>
          <FieldProblem error={errors.region} id={`${id}-region-problem`} testId="wizard-region-problem" />
          {field("name", t("wizard.name"), "wizard-name")}
          <div className="field">
            <label className="field-label" htmlFor={`${id}-csv`}>
              {t("wizard.importCsv")}
            </label>
            <div className="field-control">
              <input
                id={`${id}-csv`}
                type="file"
                accept=".csv,text/csv"
                data-testid="wizard-csv"
                aria-describedby={`${id}-csv-hint`}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) void importCsv(file);
                }}
              />
              <span id={`${id}-csv-hint`} className="field-hint">
                {t("wizard.importCsvHint")}
              </span>
            </div>
          </div>
          {imported && (
            <p role="status" data-testid="wizard-imported">
              {imported.userName ? t("wizard.imported", { user: imported.userName }) : t("wizard.importedNoUser")}
            </p>
          )}
          {importError && <ErrorNotice title={t("wizard.importFailed")} error={importError} />}
          {field("accessKeyId", t("wizard.accessKeyId"), "wizard-ak")}
          {imported === null &&
            field("secretKey", t("wizard.secretKey"), "wizard-sk", {
              type: "password",
              hint: profileId !== null ? t("wizard.secretKeyKeep") : undefined,
            })}
          <details className="wizard-advanced" data-testid="wizard-advanced" ref={advancedRef}>
            <summary>{t("wizard.advanced")}</summary>
            {field("projectId", t("wizard.projectId"), "wizard-project-id")}
            {field("api", t("wizard.apiEndpoint"), "wizard-api-endpoint")}
            {field("registry", t("wizard.registryEndpoint"), "wizard-registry")}
            {field("iam", t("wizard.iamEndpoint"), "wizard-iam-endpoint")}
            {field("caBundle", t("wizard.caBundle"), "wizard-ca-bundle")}
            {field("proxy", t("wizard.proxy"), "wizard-proxy", { hint: t("wizard.proxyHint") })}
            <div className="field">
              <div className="field-control">
                <label className="inline-check">
                  <input
                    type="checkbox"
                    aria-invalid={errors.insecure ? true : undefined}
                    aria-describedby={`${id}-insecure-hint ${id}-insecure-problem`}
                    {...register("insecure")}
                  />
                  {t("wizard.insecure")}
                </label>
                <span id={`${id}-insecure-hint`} className="field-hint">
                  {t("wizard.insecureHint")}
                </span>
                <FieldProblem error={errors.insecure} id={`${id}-insecure-problem`} testId="wizard-insecure-error" />
              </div>
            </div>
          </details>
          <div className="wizard-actions">
            {!profile && (
              <button type="button" className="button" data-testid="wizard-back" onClick={() => { setStep("region"); }}>
                {t("wizard.back")}
              </button>
            )}
            <button
              type="submit"
              className="button button-primary"
              data-testid="wizard-save-verify"
              disabled={form.formState.isSubmitting || save.isPending}
            >
              {t("wizard.saveAndVerify")}
            </button>
          </div>
        </form>
      )}

      {step === "verify" && (
        <div className="wizard-body" data-testid="wizard-verify">
          {save.isPending && <p aria-busy="true">{t("wizard.verifying")}</p>}
          {keyringMissing && (
            <div className="notice" role="alert" data-testid="wizard-keyring-missing">
              <p>{t("wizard.keyringUnavailable")}</p>
              <button type="button" className="button" data-testid="wizard-keep-session" onClick={() => { send("session"); }}>
                {t("wizard.keepForSession")}
              </button>
            </div>
          )}
          {save.error && !keyringMissing && <ErrorNotice title={t("wizard.saveFailed")} error={save.error} />}
          {outcome?.status === "verified" && (
            <p role="status" data-testid="wizard-verify-result" data-state="verified">
              {t("wizard.verified", { count: outcome.organizations.length, registry: outcome.registry })}
            </p>
          )}
          {outcome?.status === "failed" && (
            <div className="notice notice-error" role="alert" data-testid="wizard-verify-result" data-state="failed" data-failure={outcome.failure}>
              <p className="notice-title">
                {t(`wizard.failure.${outcome.failure}`, {
                  minutes: Math.round(Math.abs(outcome.skewSeconds ?? 0) / 60),
                })}
              </p>
              <p className="notice-detail">{t("wizard.detail", { detail: outcome.detail })}</p>
              {outcome.requestId !== null && (
                <p className="notice-detail">{t("errors.requestId", { requestId: outcome.requestId })}</p>
              )}
            </div>
          )}
          <div className="wizard-actions">
            {!save.isPending && (
              <button type="button" className="button" data-testid="wizard-back" onClick={() => { setStep("credentials"); }}>
                {t("wizard.back")}
              </button>
            )}
            {outcome?.status === "verified" && (
              <button type="button" className="button button-primary" data-testid="wizard-next" onClick={() => { setStep("outputs"); }}>
                {t("wizard.next")}
              </button>
            )}
          </div>
        </div>
      )}

      {step === "outputs" && profileId !== null && <LoginOutputsPanel profileId={profileId} />}
    </div>
  );
}
