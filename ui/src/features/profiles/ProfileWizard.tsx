import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
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
  const client = useIpc();
  const regions = useRegions();
  const [step, setStep] = useState<Step>(profile ? "credentials" : "region");
  const [form, setForm] = useState<Form>(() => formFrom(profile));
  const [query, setQuery] = useState("");
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

  const zh = i18n.language === "zh-CN";
  const shownRegions = useMemo(() => {
    const q = query.trim().toLowerCase();
    return (regions.data ?? []).filter(
      (r) => q === "" || [r.id, r.nameEn, r.nameZhCn].some((s) => s.toLowerCase().includes(q)),
    );
  }, [regions.data, query]);

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
  ) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <input
        className="field-control"
        type={opts.type ?? "text"}
        autoComplete="off"
        spellCheck={false}
        data-testid={testId}
        value={form[key]}
        aria-invalid={showErrors && opts.invalid !== undefined}
        onChange={(e) => { set({ [key]: e.target.value }); }}
      />
      {opts.hint !== undefined && <span className="field-hint">{opts.hint}</span>}
      {showErrors && opts.invalid !== undefined && (
        <span className="field-hint" role="alert">
          {opts.invalid}
        </span>
      )}
    </label>
  );

  return (
    <div className="panel wizard" data-testid="wizard" data-step={step}>
      <h2 className="panel-title">{profile ? t("wizard.editTitle") : t("wizard.title")}</h2>
      <p className="field-hint">{t("wizard.intro")}</p>
      <ol className="wizard-steps">
        {STEPS.map((s) => (
          <li key={s} aria-current={s === step ? "step" : undefined} data-testid={`wizard-step-${s}`}>
            {t(`wizard.step.${s}`)}
          </li>
        ))}
      </ol>

      {step === "region" && (
        <div>
          <label className="field">
            <span className="field-label">{t("wizard.regionSearch")}</span>
            <input
              className="field-control"
              type="search"
              data-testid="wizard-region-search"
              value={query}
              onChange={(e) => { setQuery(e.target.value); }}
            />
          </label>
          <div role="radiogroup" aria-label={t("wizard.step.region")} className="wizard-regions">
            {shownRegions.map((r) => (
              <label key={r.id} className="segmented-option" data-testid={`wizard-region-${r.id}`}>
                <input
                  type="radio"
                  name="region"
                  checked={form.region === r.id}
                  onChange={() => { set({ region: r.id }); }}
                />
                {zh ? r.nameZhCn : r.nameEn} ({r.id})
              </label>
            ))}
          </div>
          {shownRegions.length === 0 && regions.data && <p>{t("wizard.regionNone", { query })}</p>}
          <button type="button" data-testid="wizard-next" disabled={form.region === ""} onClick={() => { setStep("credentials"); }}>
            {t("wizard.next")}
          </button>
        </div>
      )}

      {step === "credentials" && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setShowErrors(true);
            if (!credentialsValid) return;
            setStep("verify");
            save.mutate("keyring");
          }}
        >
          {field("name", t("wizard.name"), "wizard-name", { invalid: broken("name") })}
          <label className="field">
            <span className="field-label">{t("wizard.importCsv")}</span>
            <input
              type="file"
              accept=".csv,text/csv"
              data-testid="wizard-csv"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importCsv(file);
              }}
            />
            <span className="field-hint">{t("wizard.importCsvHint")}</span>
          </label>
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
          <details data-testid="wizard-advanced" open={form.api !== "" || form.registry !== ""}>
            <summary>{t("wizard.advanced")}</summary>
            {field("projectId", t("wizard.projectId"), "wizard-project-id", { invalid: broken("projectId") })}
            {field("api", t("wizard.apiEndpoint"), "wizard-api-endpoint", { invalid: broken("endpoints.api") })}
            {field("registry", t("wizard.registryEndpoint"), "wizard-registry", { invalid: broken("endpoints.registry") })}
            {field("iam", t("wizard.iamEndpoint"), "wizard-iam-endpoint", { invalid: broken("endpoints.iam") })}
            {field("caBundle", t("wizard.caBundle"), "wizard-ca-bundle", { invalid: broken("caBundle") })}
            {field("proxy", t("wizard.proxy"), "wizard-proxy", { hint: t("wizard.proxyHint"), invalid: broken("proxy") })}
            <label className="field">
              <input type="checkbox" checked={form.insecure} onChange={(e) => { set({ insecure: e.target.checked }); }} />
              <span>{t("wizard.insecure")}</span>
              <span className="field-hint">{t("wizard.insecureHint")}</span>
              {showErrors && broken("insecureSkipTlsVerify") !== undefined && (
                <span className="field-hint" role="alert" data-testid="wizard-insecure-error">
                  {broken("insecureSkipTlsVerify")}
                </span>
              )}
            </label>
          </details>
          {!profile && (
            <button type="button" data-testid="wizard-back" onClick={() => { setStep("region"); }}>
              {t("wizard.back")}
            </button>
          )}
          <button type="submit" data-testid="wizard-save-verify">
            {t("wizard.saveAndVerify")}
          </button>
        </form>
      )}

      {step === "verify" && (
        <div data-testid="wizard-verify">
          {save.isPending && <p aria-busy="true">{t("wizard.verifying")}</p>}
          {keyringMissing && (
            <div className="notice" role="alert" data-testid="wizard-keyring-missing">
              <p>{t("wizard.keyringUnavailable")}</p>
              <button type="button" data-testid="wizard-keep-session" onClick={() => { save.mutate("session"); }}>
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
          {!save.isPending && (
            <button type="button" data-testid="wizard-back" onClick={() => { setStep("credentials"); }}>
              {t("wizard.back")}
            </button>
          )}
          {outcome?.status === "verified" && (
            <button type="button" data-testid="wizard-next" onClick={() => { setStep("outputs"); }}>
              {t("wizard.next")}
            </button>
          )}
        </div>
      )}

      {step === "outputs" && profileId !== null && <LoginOutputsPanel profileId={profileId} />}

      {onClose && (
        <button type="button" data-testid="wizard-close" onClick={onClose}>
          {t("wizard.close")}
        </button>
      )}
    </div>
  );
}
