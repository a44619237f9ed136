import { useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { Stepper } from "../../components/Stepper";
import { localized } from "../../components/errorText";
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
import { useProfileCheck, useProfileMutation, useRegions } from "./queries";
import { RegionPicker } from "./RegionPicker";

const STEPS = ["region", "credentials", "verify", "outputs"] as const;
type Step = (typeof STEPS)[number];

interface Form {
  name: string;
  region: string;
  accessKeyId: string;
  secretKey: string;
  projectId: string;
  api: string;
  registry: string;
  iam: string;
  /** Endpoints in other regions (set with swrctl); kept as they are when the profile is edited here. */
  regions: EndpointOverrides["regions"];
  caBundle: string;
  proxy: string;
  insecure: boolean;
}

function formFrom(profile: Profile | undefined): Form {
  return {
    name: profile?.name ?? "",
    region: profile?.region ?? "",
    accessKeyId: profile?.accessKeyId ?? "",
    secretKey: "",
    projectId: profile?.projectId ?? "",
    api: profile?.endpoints?.api ?? "",
    registry: profile?.endpoints?.registry ?? "",
    iam: profile?.endpoints?.iam ?? "",
    regions: profile?.endpoints?.regions,
    caBundle: profile?.caBundle ?? "",
    proxy: profile?.proxy ?? "",
    insecure: profile?.insecureSkipTlsVerify ?? false,
  };
}

const orNull = (v: string) => (v.trim() === "" ? null : v.trim());

function toInput(form: Form): ProfileInput {
  return {
    name: form.name.trim(),
    region: form.region,
    projectId: orNull(form.projectId),
    accessKeyId: form.accessKeyId.trim(),
    endpoints: {
      api: orNull(form.api),
      registry: orNull(form.registry),
      iam: orNull(form.iam),
      ...(form.regions ? { regions: form.regions } : {}),
    },
    caBundle: orNull(form.caBundle),
    proxy: orNull(form.proxy),
    insecureSkipTlsVerify: form.insecure,
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
  const [step, setStep] = useState<Step>(profile ? "credentials" : "region");
  const [form, setForm] = useState<Form>(() => formFrom(profile));
  const [imported, setImported] = useState<ImportedCredentials | null>(null);
  const [importError, setImportError] = useState<CommandError | null>(null);
  const [profileId, setProfileId] = useState<string | null>(profile?.id ?? null);
  const [outcome, setOutcome] = useState<VerifyOutcome | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  const set = (patch: Partial<Form>) => { setForm((f) => ({ ...f, ...patch })); };

  const save = useProfileMutation<Persistence, VerifyOutcome>(async (persistence) => {
    setOutcome(null);
    const secret = imported
      ? ({ kind: "imported", token: imported.token } as const)
      : form.secretKey.trim() !== ""
        ? ({ kind: "typed", value: form.secretKey } as const)
        : null;
    const saved = await client.saveProfile(profileId, toInput(form), secret, persistence);
    setProfileId(saved.id);
    // The key is stored now: forget it here, and the import token is spent.
    set({ secretKey: "" });
    setImported(null);
    const result = await client.verifyProfile(saved.id);
    setOutcome(result);
    return result;
  });

  // The backend's profile rules, as the user types; a refused save names its field too.
  const input = useMemo(() => toInput(form), [form]);
  const check = useProfileCheck(input);
  const refused = save.error?.error.violation ?? null;
  const broken = (field: string): string | undefined => {
    const v = check.data?.find((c) => c.field === field) ?? (refused?.field === field ? refused : undefined);
    return v === undefined ? undefined : localized(v.message, i18n.language);
  };
  const secretMissing = profileId === null && imported === null && form.secretKey.trim() === "";
  const credentialsValid = check.data?.length === 0 && !check.isPlaceholderData && !secretMissing;

  const importCsv = async (file: File) => {
    setImportError(null);
    try {
      const result = await client.importCredentialsCsv(await file.text());
      setImported(result);
      set({ accessKeyId: result.accessKeyId, secretKey: "" });
      if (form.name.trim() === "" && result.userName) set({ name: result.userName });
    } catch (e) {
      setImportError(e instanceof CommandError ? e : null);
    }
  };

  const keyringMissing = save.error?.code === "keyringUnavailable";

  const field = (
    key: keyof Omit<Form, "insecure" | "regions">,
    label: string,
    testId: string,
    opts: { type?: string; invalid?: string; hint?: string } = {},
  ) => {
    const controlId = `${id}-${key}`;
    const invalid = showErrors && opts.invalid !== undefined;
    const describedBy = [opts.hint !== undefined ? `${controlId}-hint` : null, invalid ? `${controlId}-error` : null]
      .filter((v) => v !== null)
      .join(" ");
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
            value={form[key]}
            aria-invalid={invalid}
            aria-describedby={describedBy || undefined}
            onChange={(e) => { set({ [key]: e.target.value }); }}
          />
          {opts.hint !== undefined && (
            <span id={`${controlId}-hint`} className="field-hint">
              {opts.hint}
            </span>
          )}
          {invalid && (
            <span id={`${controlId}-error`} className="field-error" role="alert">
              {opts.invalid}
            </span>
          )}
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
          <RegionPicker
            regions={regions.data ?? []}
            value={form.region}
            onChange={(region) => { set({ region }); }}
          />
          <div className="wizard-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="wizard-next"
              disabled={form.region === ""}
              onClick={() => { setStep("credentials"); }}
            >
              {t("wizard.next")}
            </button>
          </div>
        </div>
      )}

      {step === "credentials" && (
        <form
          className="wizard-body"
          onSubmit={(e) => {
            e.preventDefault();
            setShowErrors(true);
            if (!credentialsValid) return;
            setStep("verify");
            save.mutate("keyring");
          }}
        >
          {field("name", t("wizard.name"), "wizard-name", { invalid: broken("name") })}
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
          {field("accessKeyId", t("wizard.accessKeyId"), "wizard-ak", { invalid: broken("accessKeyId") })}
          {imported === null &&
            field("secretKey", t("wizard.secretKey"), "wizard-sk", {
              type: "password",
              invalid: secretMissing ? t("wizard.required") : undefined,
              hint: profileId !== null ? t("wizard.secretKeyKeep") : undefined,
            })}
          <details className="wizard-advanced" data-testid="wizard-advanced" open={form.api !== "" || form.registry !== ""}>
            <summary>{t("wizard.advanced")}</summary>
            {field("projectId", t("wizard.projectId"), "wizard-project-id", { invalid: broken("projectId") })}
            {field("api", t("wizard.apiEndpoint"), "wizard-api-endpoint", { invalid: broken("endpoints.api") })}
            {field("registry", t("wizard.registryEndpoint"), "wizard-registry", { invalid: broken("endpoints.registry") })}
            {field("iam", t("wizard.iamEndpoint"), "wizard-iam-endpoint", { invalid: broken("endpoints.iam") })}
            {field("caBundle", t("wizard.caBundle"), "wizard-ca-bundle", { invalid: broken("caBundle") })}
            {field("proxy", t("wizard.proxy"), "wizard-proxy", { hint: t("wizard.proxyHint"), invalid: broken("proxy") })}
            <div className="field">
              <div className="field-control">
                <label className="inline-check">
                  <input
                    type="checkbox"
                    checked={form.insecure}
                    aria-describedby={`${id}-insecure-hint`}
                    onChange={(e) => { set({ insecure: e.target.checked }); }}
                  />
                  {t("wizard.insecure")}
                </label>
                <span id={`${id}-insecure-hint`} className="field-hint">
                  {t("wizard.insecureHint")}
                </span>
                {showErrors && broken("insecureSkipTlsVerify") !== undefined && (
                  <span className="field-error" role="alert" data-testid="wizard-insecure-error">
                    {broken("insecureSkipTlsVerify")}
                  </span>
                )}
              </div>
            </div>
          </details>
          <div className="wizard-actions">
            {!profile && (
              <button type="button" className="button" data-testid="wizard-back" onClick={() => { setStep("region"); }}>
                {t("wizard.back")}
              </button>
            )}
            <button type="submit" className="button button-primary" data-testid="wizard-save-verify">
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
              <button type="button" className="button" data-testid="wizard-keep-session" onClick={() => { save.mutate("session"); }}>
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
