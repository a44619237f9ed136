// Every form of the console is a react-hook-form form checked by one resolver: the form says,
// for its values, which problem each field has, asking the backend's rules (the only copy of
// SWR's rules, shared with swrctl and the sandbox) where SWR has one. Problems show on their
// field as the user types; sending checks every field, shows every problem and focuses the
// first; a rule SWR still refuses comes back onto its field. The form library owns what was
// touched, what was tried and which answer is current.

import { useForm, type DefaultValues, type FieldPath, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";

import type { CommandError } from "../../ipc";
import { refusal, toFieldError, type Problem } from "./problem";

/** The problem of each field that has one; a field left out, or null, is fine. */
export type Problems<T extends FieldValues> = Partial<Record<FieldPath<T>, Problem | null | undefined>>;

/** Finds the problems of `values`; called on every change, so it asks through cached checks. */
export type Check<T extends FieldValues> = (values: T) => Problems<T> | Promise<Problems<T>>;

function ruleResolver<T extends FieldValues>(check: Check<T>): Resolver<T> {
  return async (live) => {
    // The library passes the form's live values: a copy is what was checked, and what is sent,
    // even when the user types on while the backend answers.
    const values = structuredClone(live);
    const problems = await check(values);
    const errors: Record<string, ReturnType<typeof toFieldError>> = {};
    for (const [field, problem] of Object.entries<Problem | null | undefined>(problems)) {
      if (problem) errors[field] = toFieldError(problem);
    }
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors: errors as never };
  };
}

/**
 * A form over `defaultValues` whose problems `check` finds. The check may close over props: the
 * form reads the latest one on every change.
 */
export function useRuleForm<T extends FieldValues>({
  defaultValues,
  check,
}: {
  defaultValues: DefaultValues<T>;
  check: Check<T>;
}): UseFormReturn<T> {
  const form = useForm<T>({ mode: "onChange", defaultValues, resolver: ruleResolver(check), criteriaMode: "firstError" });
  // The library works out `isValid` only for a form that reads it on every render; a submit
  // button that reads it behind `||` (`!isDirty || !isValid`) would otherwise never see it change.
  Reflect.get(form.formState, "isValid");
  return form;
}

/**
 * Puts the rule a failed request broke on its field, when the field is one of `fields` (keyed by
 * the name the backend gives it); says whether it did, so the form shows other failures whole.
 */
export function showRefusal<T extends FieldValues>(
  form: UseFormReturn<T>,
  error: CommandError,
  fields: Partial<Record<string, FieldPath<T>>>,
): boolean {
  const refused = refusal(error);
  const field = refused === null || !Object.hasOwn(fields, refused.field) ? undefined : fields[refused.field];
  if (refused === null || field === undefined) return false;
  form.setError(field, toFieldError(refused.problem), { shouldFocus: true });
  return true;
}
