// SWR's rules as forms check them while the user types: each answer comes from the backend's
// rules (the only copy of them, shared with swrctl and the sandbox) with its message in both
// languages. A form's check asks on every change, so answers are cached: the same value always
// breaks the same rule, and only a deadline's answer changes with the clock.

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";

import { useIpc, type CreateTriggerRequest, type IpcClient, type ProfileInput, type RuleViolation, type ValueKind } from "../../ipc";

export const ruleKeys = {
  all: ["rules"] as const,
  value: (kind: ValueKind, value: string) => [...ruleKeys.all, "value", kind, value] as const,
  trigger: (request: CreateTriggerRequest) => [...ruleKeys.all, "trigger", request] as const,
  shareUntil: (until: string) => [...ruleKeys.all, "shareUntil", until] as const,
  profile: (input: ProfileInput) => [...ruleKeys.all, "profile", input] as const,
};

/** Asking the backend which rule a value breaks; an answer never goes stale. */
function valueCheck(client: IpcClient, kind: ValueKind, value: string) {
  return { queryKey: ruleKeys.value(kind, value), queryFn: () => client.checkValue(kind, value), staleTime: Infinity };
}

/** Asking the backend which rules a new trigger breaks; an answer never goes stale. */
function triggerCheck(client: IpcClient, request: CreateTriggerRequest) {
  return { queryKey: ruleKeys.trigger(request), queryFn: () => client.checkTrigger(request), staleTime: Infinity };
}

/** Asking the backend which rules a profile form breaks as it stands; an answer never goes stale. */
function profileCheck(client: IpcClient, input: ProfileInput) {
  return { queryKey: ruleKeys.profile(input), queryFn: () => client.checkProfile(input), staleTime: Infinity };
}

/**
 * Asking the backend which rule a share lasting `until` (`forever` or a day) breaks. Unlike a
 * name, the answer changes with the clock: it is asked again after a minute.
 */
function shareUntilCheck(client: IpcClient, until: string) {
  return { queryKey: ruleKeys.shareUntil(until), queryFn: () => client.checkShareUntil(until), staleTime: 60_000 };
}

/** The backend's rule checks as a form's check asks them. */
export interface RuleChecks {
  /** The rule `value` breaks as a `kind` (null when SWR would take it). */
  value(kind: ValueKind, value: string): Promise<RuleViolation | null>;
  /** Every rule a new trigger breaks, one per field (empty when SWR would take it). */
  trigger(request: CreateTriggerRequest): Promise<RuleViolation[]>;
  /** The rule a share's deadline breaks as of now. */
  shareUntil(until: string): Promise<RuleViolation | null>;
  /** Every rule a profile form breaks (empty when the profile can be saved). */
  profile(input: ProfileInput): Promise<RuleViolation[]>;
}

export function useRuleChecks(): RuleChecks {
  const client = useIpc();
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      value: (kind, value) => queryClient.query(valueCheck(client, kind, value)),
      trigger: (request) => queryClient.query(triggerCheck(client, request)),
      shareUntil: (until) => queryClient.query(shareUntilCheck(client, until)),
      profile: (input) => queryClient.query(profileCheck(client, input)),
    }),
    [client, queryClient],
  );
}
