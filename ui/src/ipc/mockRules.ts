// SWR's rules in the in-memory backend: none of them. A test says which value breaks which rule
// (with the backend's wording, in both languages) and checks that the screen shows it where it
// belongs; whether SWR's rules are right is the Rust side's tests' business.

import type { CreateTriggerRequest, IpcClient, RuleViolation, ValueKind } from "./index";

export interface MockRulesOptions {
  /** What `checkValue` answers (and creating an organization or planning an upload refuses): a value of that kind breaks that rule. */
  valueRules?: { kind: ValueKind; value: string; violation: RuleViolation }[];
  /** What `checkTrigger` answers: a trigger whose `field` holds `value` breaks that rule. */
  triggerRules?: { field: keyof CreateTriggerRequest; value: string; violation: RuleViolation }[];
  /** What `checkShareUntil` answers: a share lasting `until` breaks that rule. */
  untilRules?: { until: string; violation: RuleViolation }[];
}

/** A violation as the backend words one, for a fixture. */
export function mockViolation(field: string, rule: string, value: string, en: string, zhCn = `（中文）${en}`): RuleViolation {
  return { field, rule, value, message: { en, zhCn } };
}

export interface MockRules {
  client: Pick<IpcClient, "checkValue" | "checkTrigger" | "checkShareUntil">;
  /** The rule `value` breaks as a `kind`, by the fixtures. */
  broken(kind: ValueKind, value: string): RuleViolation | null;
}

export function createMockRules(options: MockRulesOptions): MockRules {
  const broken = (kind: ValueKind, value: string): RuleViolation | null => {
    const rule = (options.valueRules ?? []).find((r) => r.kind === kind && r.value === value);
    return rule ? { ...rule.violation } : null;
  };
  return {
    broken,
    client: {
      checkValue: (kind, value) => Promise.resolve(broken(kind, value)),
      checkTrigger: (trigger) =>
        Promise.resolve(
          (options.triggerRules ?? [])
            .filter((r) => String(trigger[r.field]) === r.value)
            .map((r) => ({ ...r.violation })),
        ),
      checkShareUntil: (until) => {
        const rule = (options.untilRules ?? []).find((r) => r.until === until);
        return Promise.resolve(rule ? { ...rule.violation } : null);
      },
    },
  };
}
