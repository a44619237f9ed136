import { useTranslation } from "react-i18next";

import type { Finding, ImageReport, Validation } from "../../ipc";
import { useCheckText, type CheckText } from "./checkCopy";
import { formatBytes, formatPercent } from "./format";

/** What the check found inside the archive; collapsed to one line until opened. */
export function Report({ validation }: { validation: Validation }) {
  const { t, i18n } = useTranslation();
  const { report, findings } = validation;
  const warnings = findings.filter((f) => f.severity === "warning");
  return (
    <details className="report" data-testid="upload-report">
      <summary>
        {t("uploads.report.summary", {
          count: report.images.length,
          format: report.format ?? t("uploads.report.unknownFormat"),
          size: formatBytes(report.file_size, i18n.language),
        })}
        {warnings.length > 0 && (
          <span className="badge badge-warning">{t("uploads.report.warnings", { count: warnings.length })}</span>
        )}
      </summary>
      <div className="report-body">
        {report.images.map((image, index) => (
          <ImageFacts key={`${index}-${image.config_digest}`} image={image} />
        ))}
        {warnings.length > 0 && (
          <div className="report-section">
            <h4>{t("uploads.report.warningsTitle")}</h4>
            <FindingList findings={warnings} />
          </div>
        )}
      </div>
    </details>
  );
}

function ImageFacts({ image }: { image: ImageReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { platform, efficiency } = image;
  return (
    <div className="report-image" data-testid="upload-report-image">
      <div className="report-tags">
        {image.references.length === 0 ? (
          <span className="muted">{t("uploads.report.untagged")}</span>
        ) : (
          image.references.map((r) => <code key={r} className="chip">{r}</code>)
        )}
      </div>
      <dl className="facts report-facts">
        <dt>{t("uploads.report.platform")}</dt>
        <dd>
          {platform.os}/{platform.architecture}
          {platform.variant ? `/${platform.variant}` : ""}
        </dd>
        <dt>{t("uploads.report.size")}</dt>
        <dd>
          {t("uploads.report.sizeValue", {
            stored: formatBytes(image.stored_size, lang),
            uncompressed: formatBytes(image.uncompressed_size, lang),
          })}
        </dd>
        <dt>{t("uploads.report.layers")}</dt>
        <dd>{image.layers.length}</dd>
        {image.created !== null && (
          <>
            <dt>{t("uploads.report.created")}</dt>
            <dd>{new Date(image.created).toLocaleString(lang)}</dd>
          </>
        )}
        {efficiency !== null && (
          <>
            <dt>{t("uploads.report.efficiency")}</dt>
            <dd>
              {t("uploads.report.efficiencyValue", {
                score: formatPercent(efficiency.score, lang),
                wasted: formatBytes(efficiency.wasted_bytes, lang),
              })}
            </dd>
          </>
        )}
      </dl>
      {image.hints.length > 0 && (
        <div className="report-section">
          <h4>{t("uploads.report.hints")}</h4>
          <HintList hints={image.hints} testId="upload-hint" />
        </div>
      )}
    </div>
  );
}

/** Best-practice hints by their stable ids, in the interface language (the pre-upload report's and an inspection's). */
export function HintList({ hints, testId }: { hints: { id: string; message: string; advice: string }[]; testId: string }) {
  const checkText = useCheckText();
  return (
    <ul className="finding-list">
      {hints.map((hint, i) => (
        <li key={`${hint.id}-${i}`} className="finding finding-hint" data-testid={testId} data-id={hint.id}>
          <CheckLines text={checkText(hint.id, hint)} entry={null} plainAdvice />
        </li>
      ))}
    </ul>
  );
}

export function FindingList({ findings, testId }: { findings: Finding[]; testId?: string }) {
  const checkText = useCheckText();
  return (
    <ul className="finding-list">
      {findings.map((f, i) => (
        <li
          key={`${f.rule}-${i}`}
          className={`finding finding-${f.severity}`}
          data-testid={testId}
          data-rule={f.rule}
        >
          <CheckLines text={checkText(f.rule, f)} entry={f.entry ?? null} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A finding or hint: the localized title, the backend's message as a detail line (it names the
 * entry, offset or digest, so it stays in every language) and the advice. An id without copy
 * shows the backend's message as its title and the backend's advice.
 */
function CheckLines({ text, entry, plainAdvice = false }: { text: CheckText; entry: string | null; plainAdvice?: boolean }) {
  const { t } = useTranslation();
  const entryCode = entry ? <code className="finding-entry">{entry}</code> : null;
  return (
    <>
      {text.title === null ? (
        <p>
          {text.message}
          {entryCode}
        </p>
      ) : (
        <>
          <p className="finding-title">{text.title}</p>
          <p className="finding-detail">
            {t("uploads.validation.details", { message: text.message })}
            {entryCode}
          </p>
        </>
      )}
      <p className="muted">{plainAdvice ? text.advice : t("uploads.validation.advice", { advice: text.advice })}</p>
    </>
  );
}
