import type { FieldError } from "react-hook-form";
import { useTranslation } from "react-i18next";

import { localized } from "../errorText";
import { fromFieldError } from "./problem";

/**
 * A field's problem under the field, in the interface language; one that came back from a
 * refused request carries its request id and is announced.
 */
export function FieldProblem({ error, id, testId }: { error: FieldError | undefined; id: string; testId: string }) {
  const { t, i18n } = useTranslation();
  const problem = fromFieldError(error);
  if (problem === null) return null;
  const { refused, requestId } = problem;
  return (
    <p id={id} className="field-error" role={refused ? "alert" : undefined} data-testid={testId} data-rule={problem.rule}>
      {localized(problem.text, i18n.language)}
      {refused && requestId && <span className="field-error-detail">{t("errors.requestId", { requestId })}</span>}
    </p>
  );
}
