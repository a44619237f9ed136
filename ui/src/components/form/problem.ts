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

// The form library keeps a field's error as a type, a message and extra `types`; the problems of
// a field (one as a rule is checked, maybe several in a plan the backend made, such as two bad
// tags) travel in them and are read back whole.

export function toFieldError(problem: Problem, ...more: Problem[]): FieldError {
  const all = [problem, ...more];
  const types: Record<string, string | string[]> = {
    rules: all.map((p) => p.rule),
    en: all.map((p) => p.text.en),
    zhCn: all.map((p) => p.text.zhCn),
  };
  if (problem.refused) types["refused"] = "true";
  if (problem.requestId) types["requestId"] = problem.requestId;
  return { type: problem.rule, message: problem.text.en, types };
}

/** An error of the form library: a field's, or one about the whole form. */
export interface FormError {
  type?: string | number;
  message?: string;
  types?: Record<string, unknown>;
}

/** The problems a field error carries, first to last; none for no error. */
export function problemsOf(error: FormError | undefined): Problem[] {
  if (error === undefined) return [];
  const types = error.types ?? {};
  const list = (key: string) => {
    const value = types[key];
    return Array.isArray(value) ? value.map(String) : [];
  };
  const rules = list("rules");
  const refused = types["refused"] === "true";
  const requestId = typeof types["requestId"] === "string" ? types["requestId"] : null;
  if (rules.length === 0) {
    const message = error.message ?? "";
    return [{ rule: String(error.type ?? ""), text: { en: message, zhCn: message }, refused, requestId }];
  }
  const [en, zhCn] = [list("en"), list("zhCn")];
  return rules.map((rule, i) => ({ rule, text: { en: en[i] ?? "", zhCn: zhCn[i] ?? "" }, refused, requestId }));
}

/** The first problem a field error carries. */
export function fromFieldError(error: FormError | undefined): Problem | null {
  return problemsOf(error)[0] ?? null;
}
