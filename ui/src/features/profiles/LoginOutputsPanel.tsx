import { useState } from "react";
import { useTranslation } from "react-i18next";

import { ErrorNotice } from "../../components/ErrorNotice";
import { useIpc, type CommandError, type DockerConfigOutcome, type LoginFormat, type TemporaryLoginView } from "../../ipc";
import { useLoginOutputs, useProfileMutation } from "./queries";

/** The wizard's last step: every login form, masked until the user asks, each with a copy button. */
export function LoginOutputsPanel({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const client = useIpc();
  const outputs = useLoginOutputs(profileId);
  // Revealed text lives in this component's state only, never in the query cache or storage.
  const [revealed, setRevealed] = useState<Partial<Record<LoginFormat, string>>>({});
  const [copied, setCopied] = useState<{ key: LoginFormat | "temporary"; seconds: number } | null>(null);
  const [copyError, setCopyError] = useState(false);
  const [temporary, setTemporary] = useState<TemporaryLoginView | null>(null);
  const [revealError, setRevealError] = useState<CommandError | null>(null);
  const dockerConfig = useProfileMutation<null, DockerConfigOutcome>(() => client.writeDockerConfig(profileId));
  const createTemporary = useProfileMutation<null, TemporaryLoginView>(() =>
    client.createTemporaryLogin(profileId),
  );

  if (outputs.error) return <ErrorNotice title={t("logins.failed")} error={outputs.error} />;
  if (!outputs.data) return <p aria-busy="true">{t("app.loading")}</p>;

  const reveal = async (format: LoginFormat) => {
    try {
      const text = await client.revealLogin(profileId, format);
      setRevealed((r) => ({ ...r, [format]: text }));
      return text;
    } catch (e) {
      setRevealError(e as CommandError);
      return null;
    }
  };
  // The backend copies and wipes the clipboard after the delay it returns (a minute), so a login key being copied
  // never has to pass through this page.
  const copy = async (key: LoginFormat | "temporary", run: () => Promise<number>) => {
    try {
      const seconds = await run();
      setCopyError(false);
      setCopied({ key, seconds });
    } catch {
      setCopyError(true);
    }
  };

  return (
    <div className="logins" data-testid="login-outputs">
      <h2 className="panel-title">{t("logins.title")}</h2>
      <p className="notice" data-testid="login-long-term-warning">
        {t("logins.longTerm")}
      </p>
      {revealError && <ErrorNotice title={t("logins.failed")} error={revealError} />}
      {copyError && <p role="alert">{t("logins.copyFailed")}</p>}
      {outputs.data.outputs.map(({ format, masked }) => {
        const shown = revealed[format];
        return (
          <div className="field" key={format} data-testid={`login-output-${format}`}>
            <p className="field-hint">{t(`logins.explain.${format}`)}</p>
            <pre className="field-control" data-testid={`login-text-${format}`}>
              {shown ?? masked}
            </pre>
            <button
              type="button"
              data-testid={`login-reveal-${format}`}
              onClick={() => {
                if (shown === undefined) void reveal(format);
                else setRevealed((r) => ({ ...r, [format]: undefined }));
              }}
            >
              {shown === undefined ? t("logins.reveal") : t("logins.hide")}
            </button>
            <button
              type="button"
              data-testid={`login-copy-${format}`}
              onClick={() => void copy(format, () => client.copyLogin(profileId, format))}
            >
              {t("logins.copy")}
            </button>
            {copied?.key === format && <span role="status">{t("logins.copied", { seconds: copied.seconds })}</span>}
          </div>
        );
      })}

      <div className="field">
        <p className="field-hint">{t("logins.dockerConfigHint")}</p>
        <button type="button" data-testid="docker-config-write" onClick={() => { dockerConfig.mutate(null); }}>
          {t("logins.dockerConfig")}
        </button>
        {dockerConfig.data?.kind === "written" && (
          <p role="status" data-testid="docker-config-result">
            {t("logins.dockerConfigWritten", { path: dockerConfig.data.path })}
          </p>
        )}
        {dockerConfig.data?.kind === "credentialHelper" && (
          <p role="status" data-testid="docker-config-result">
            {t("logins.dockerConfigHelper", { helper: dockerConfig.data.helper, path: dockerConfig.data.path })}
          </p>
        )}
        {dockerConfig.error && <ErrorNotice title={t("logins.failed")} error={dockerConfig.error} />}
      </div>

      <div className="field">
        <h3>{t("logins.temporary")}</h3>
        <p className="field-hint">{t("logins.temporaryHint")}</p>
        <button
          type="button"
          data-testid="temporary-login-create"
          onClick={() => { createTemporary.mutate(null, { onSuccess: setTemporary }); }}
        >
          {t("logins.temporaryCreate")}
        </button>
        {temporary && (
          <>
            <pre className="field-control" data-testid="temporary-login-text">
              {temporary.command}
            </pre>
            {temporary.expiresAt !== null && (
              <p data-testid="temporary-login-expiry">
                {t("logins.temporaryExpires", { when: formatExpiry(temporary.expiresAt) })}
              </p>
            )}
            <button type="button" onClick={() => void copy("temporary", () => client.copySecretText(temporary.command))}>
              {t("logins.copy")}
            </button>
            {copied?.key === "temporary" && <span role="status">{t("logins.copied", { seconds: copied.seconds })}</span>}
          </>
        )}
        {createTemporary.error && <ErrorNotice title={t("logins.failed")} error={createTemporary.error} />}
      </div>
    </div>
  );
}

/** SWR sends the expiry as milliseconds since the epoch; show it in local time. */
function formatExpiry(raw: string): string {
  const millis = Number(raw);
  const date = Number.isFinite(millis) && raw.trim() !== "" ? new Date(millis) : new Date(raw);
  return Number.isNaN(date.getTime()) ? raw : date.toLocaleString();
}
