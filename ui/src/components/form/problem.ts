// A broken rule as every form shows it: the rule's id and its message in both languages, whether
// the backend's rules found it (as the user typed, or when SWR refused a request) or the form's
// own (a missing value, a name already in the list). Keeping both languages, rather than the
// sentence of the language at the time, lets the interface switch language under an open form.

import type { FieldError } from "react-hook-form";
import type { TFunction, i18n as I18n } from "i18next";

import type { CommandError, LocalizedText, RuleViolation } from "../../ipc";

export interface Problem {
  /** The rule's stable id, e.g. `namespace.length`, or the form's own, e.g. `required`. */
  rule: string;
  text: LocalizedText;
  /** The problem came back from a request SWR refused (rather than a check as the user typed). */
  refused?: boolean;
  /** That request's id, when it has one. */
  requestId?: string | null;
}

/** A rule the backend found broken. */
export function fromViolation(violation: RuleViolation): Problem {
  return { rule: violation.rule, text: violation.message };
}

/** A rule of the form's own, its message written with the app's copy in each language. */
export function ownProblem(i18n: I18n, rule: string, say: (t: TFunction, language: string) => string): Problem {
  return {
    rule,
    text: { en: say(i18n.getFixedT("en"), "en"), zhCn: say(i18n.getFixedT("zh-CN"), "zh-CN") },
  };
}

/** The rule a failed request broke, when the backend names one. */
export function refusal(error: CommandError): { field: string; problem: Problem } | null {
  const { violation, requestId } = error.error;
  return violation === null
    ? null
    : { field: violation.field, problem: { ...fromViolation(violation), refused: true, requestId } };
}

// The form library keeps a field's error as a type, a message and extra `types`; a problem
// travels in them and is read back whole.

export function toFieldError(problem: Problem): FieldError {
  const types: Record<string, string> = { en: problem.text.en, zhCn: problem.text.zhCn };
  if (problem.refused) types["refused"] = "true";
  if (problem.requestId) types["requestId"] = problem.requestId;
  return { type: problem.rule, message: problem.text.en, types };
}

export function fromFieldError(error: FieldError | undefined): Problem | null {
  if (error === undefined) return null;
  const types = error.types ?? {};
  const text = (key: string) => (typeof types[key] === "string" ? types[key] : (error.message ?? ""));
  const requestId = typeof types["requestId"] === "string" ? types["requestId"] : null;
  return { rule: error.type, text: { en: text("en"), zhCn: text("zhCn") }, refused: types["refused"] === "true", requestId };
}
