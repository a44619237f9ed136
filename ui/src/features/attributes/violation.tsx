import { useTranslation } from "react-i18next";

import { localized } from "../../components/errorText";
import type { CommandError, RuleViolation } from "../../ipc";

/** The rule `error` reports as broken, when it names a field the form shows. */
export function violationOn(error: CommandError | null, fields: readonly string[]): RuleViolation | null {
  const violation = error?.error.violation ?? null;
  return violation !== null && fields.includes(violation.field) ? violation : null;
}

/** A rule the backend found broken, shown under the field it names, in the interface language. */
export function FieldViolation({ error, id, testId }: { error: CommandError; id: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const { violation, requestId } = error.error;
  if (violation === null) return null;
  const message = localized(violation.message, i18n.language);
  return (
    <p id={id} className="field-error" role="alert" data-testid={testId} data-field={violation.field} data-rule={violation.rule}>
      {message}
      {requestId !== null && <span className="field-error-detail">{t("errors.requestId", { requestId })}</span>}
    </p>
  );
}
