// A share's deadline as the forms check it: a day must be picked, and the backend says whether
// SWR takes it (a day lasts through its end in UTC; one that is over is refused).

import { useTranslation } from "react-i18next";

import { localized } from "../../components/errorText";
import type { RuleViolation } from "../../ipc";
import { isAnswered, useShareUntilCheck } from "../rules/queries";

export interface UntilCheck {
  /** No day is picked yet (and not `forever`). */
  missing: boolean;
  /** The rule the deadline breaks, as last answered. */
  violation: RuleViolation | null;
  /** The backend has answered for exactly this deadline, and it breaks no rule. */
  ready: boolean;
}

/** Checks `until`: `forever` or a day `YYYY-MM-DD` ("" while none is picked). */
export function useUntilCheck(until: string): UntilCheck {
  const missing = until === "";
  const check = useShareUntilCheck(until, !missing);
  const violation = missing ? null : (check.data ?? null);
  const answered = !missing && isAnswered(check);
  return { missing, violation, ready: answered && violation === null };
}

/** The broken rule under the date field, in the interface language. */
export function UntilProblem({ check, id, testId }: { check: UntilCheck; id: string; testId: string }) {
  const { i18n } = useTranslation();
  if (check.violation === null) return null;
  return (
    <p id={id} className="field-error" data-testid={testId} data-rule={check.violation.rule}>
      {localized(check.violation.message, i18n.language)}
    </p>
  );
}
