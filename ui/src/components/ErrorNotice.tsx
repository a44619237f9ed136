import { useTranslation } from "react-i18next";

import type { CommandError } from "../ipc";
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
  const { t } = useTranslation();
  const { code, message, requestId } = error.error;
  return (
    <div className="notice notice-error" role="alert" data-testid={testId}>
      <AlertIcon />
      <div className="notice-body">
        <p className="notice-title">{title}</p>
        <p>{t(`errors.code.${code}`)}</p>
        {message !== "" && <p className="notice-detail">{t("errors.details", { message })}</p>}
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
