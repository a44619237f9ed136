import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

import { AlertIcon } from "../../components/icons";
import type { FailureKind } from "../../ipc";
import { formatBytes, formatDuration, shortDigest } from "./format";
import { useLive } from "./live";

export function Bar({ done, total, label, testId }: { done: number; total: number; label: string; testId?: string }) {
  const share = total > 0 ? Math.min(1, done / total) : 0;
  return (
    <div
      className="bar"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      data-testid={testId}
      data-done={testId ? done : undefined}
      data-total={testId ? total : undefined}
    >
      <div className="bar-fill" style={{ transform: `scaleX(${share.toFixed(4)})` }} />
    </div>
  );
}

/** The item being pushed: step, bytes, rate, time left, layers in flight, or why it waits. */
export function PushProgress({ id }: { id: number }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const live = useLive(id);
  const progress = live?.progress;
  return (
    <div className="push" data-testid="upload-push">
      <p className="push-step" data-testid="upload-step" data-step={live?.step ?? "starting"}>
        {live?.step ? t(`uploads.step.${live.step}`) : t("uploads.push.starting")}
        {live?.reference ? <code className="push-reference">{live.reference}</code> : null}
      </p>
      {live?.waiting && <Waiting {...live.waiting} />}
      {progress && (
        <>
          <Bar done={progress.done} total={progress.total} label={t("uploads.push.progressLabel")} testId="upload-progress" />
          <p className="push-stats">
            <span>{t("uploads.push.bytes", { done: formatBytes(progress.done, lang), total: formatBytes(progress.total, lang) })}</span>
            {progress.bytesPerSec > 0 && <span data-testid="upload-rate">{t("uploads.push.rate", { rate: formatBytes(progress.bytesPerSec, lang) })}</span>}
            {progress.etaSecs !== null && <span data-testid="upload-eta">{t("uploads.push.eta", { time: formatDuration(progress.etaSecs, t) })}</span>}
            {progress.skipped > 0 && <span data-testid="upload-skipped">{t("uploads.push.skipped", { size: formatBytes(progress.skipped, lang) })}</span>}
          </p>
          {progress.layers.length > 0 && (
            <div className="push-layers">
              <span className="target-label">{t("uploads.push.layers")}</span>
              {progress.layers.map((layer) => (
                <div key={layer.name} className="push-layer" data-testid="upload-layer" data-name={layer.name}>
                  <code title={layer.name}>{shortDigest(layer.name)}</code>
                  <Bar done={layer.done} total={layer.total} label={shortDigest(layer.name)} />
                  <span className="push-layer-size">
                    {t("uploads.push.bytes", { done: formatBytes(layer.done, lang), total: formatBytes(layer.total, lang) })}
                  </span>
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

function Waiting({ kind, message, until }: { kind: FailureKind; message: string; until: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, []);
  const left = Math.max(0, Math.ceil((until - now) / 1000));
  return (
    <div className="notice notice-warning" role="status" data-testid="upload-waiting" data-kind={kind} data-seconds={left}>
      <AlertIcon />
      <div className="notice-body">
        <p className="notice-title">{t("uploads.push.waiting", { message })}</p>
        <p>{t(`uploads.kind.${kind}`)}</p>
        <p>{left > 0 ? t("uploads.push.retryIn", { time: formatDuration(left, t) }) : t("uploads.push.retryNow")}</p>
      </div>
    </div>
  );
}
