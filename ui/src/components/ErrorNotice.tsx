import { useTranslation } from "react-i18next";

import type { CommandError } from "../ipc";
import { errorDetails, errorSummary } from "./errorText";
import { AlertIcon } from "./icons";

/**
 * A failed backend call, explained in the user's language with the details support needs; with
 * `onRetry`, a button asks again (for reads, where trying again is the usual fix).
 */
export function ErrorNotice({
  title,
  error,
  testId,
  onRetry,
}: {
  title: string;
  error: CommandError;
  testId?: string;
  onRetry?: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { requestId } = error.error;
  const details = errorDetails(error.error);
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <AlertIcon />
      <div className="notice-body">
        <p className="notice-title">{title}</p>
        <p>{errorSummary(error.error, t, i18n.language)}</p>
        {details !== null && <p className="notice-detail">{t("errors.details", { message: details })}</p>}
        {requestId !== null && (
          <p className="notice-detail">{t("errors.requestId", { requestId })}</p>
        )}
        {onRetry && (
          <button type="button" className="button button-small notice-action" data-testid="error-retry" onClick={onRetry}>
            {t("errors.retry")}
          </button>
        )}
      </div>
    </div>
  );
}
