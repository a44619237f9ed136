// SWR's rules as forms check them while the user types: each answer comes from the backend's
// rules (the only copy of them, shared with swrctl and the sandbox) with its message in both
// languages. The previous answer stays while the next is asked, so errors do not blink, and an
// answer never goes stale: the same value always breaks the same rule.

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";

import { useIpc, type CommandError, type CreateTriggerRequest, type IpcClient, type RuleViolation, type ValueKind } from "../../ipc";

export const ruleKeys = {
  all: ["rules"] as const,
  value: (kind: ValueKind, value: string) => [...ruleKeys.all, "value", kind, value] as const,
  trigger: (request: CreateTriggerRequest) => [...ruleKeys.all, "trigger", request] as const,
  shareUntil: (until: string) => [...ruleKeys.all, "shareUntil", until] as const,
};

/** Asking the backend which rule a value breaks; an answer never goes stale. */
function valueCheck(client: IpcClient, kind: ValueKind, value: string) {
  return { queryKey: ruleKeys.value(kind, value), queryFn: () => client.checkValue(kind, value), staleTime: Infinity };
}

/** Asking the backend which rules a new trigger breaks; an answer never goes stale. */
function triggerCheck(client: IpcClient, request: CreateTriggerRequest) {
  return { queryKey: ruleKeys.trigger(request), queryFn: () => client.checkTrigger(request), staleTime: Infinity };
}

/** Whether a check has answered for the value it is asked about now (not the previous one kept on screen). */
export function isAnswered(check: { data: unknown; isPlaceholderData: boolean }): boolean {
  return check.data !== undefined && !check.isPlaceholderData;
}

/** The rule `value` breaks as a `kind` (null when SWR would take it); asks nothing while `enabled` is false. */
export function useValueCheck(kind: ValueKind, value: string, enabled = true) {
  const client = useIpc();
  return useQuery<RuleViolation | null, CommandError>({
    ...valueCheck(client, kind, value),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** Every rule a new trigger breaks, one per field (empty when SWR would take it). */
export function useTriggerCheck(request: CreateTriggerRequest) {
  const client = useIpc();
  return useQuery<RuleViolation[], CommandError>({
    ...triggerCheck(client, request),
    placeholderData: keepPreviousData,
  });
}

/**
 * Asking the backend which rule a share lasting `until` (`forever` or a day) breaks. Unlike a
 * name, the answer changes with the clock: it is asked again after a minute.
 */
function shareUntilCheck(client: IpcClient, until: string) {
  return { queryKey: ruleKeys.shareUntil(until), queryFn: () => client.checkShareUntil(until), staleTime: 60_000 };
}

/** The rule a share lasting `until` breaks. */
export function useShareUntilCheck(until: string, enabled = true) {
  const client = useIpc();
  return useQuery<RuleViolation | null, CommandError>({
    ...shareUntilCheck(client, until),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** The backend's rule checks as a form's check asks them: each answer cached as the hooks above cache it. */
export interface RuleChecks {
  value(kind: ValueKind, value: string): Promise<RuleViolation | null>;
  trigger(request: CreateTriggerRequest): Promise<RuleViolation[]>;
  shareUntil(until: string): Promise<RuleViolation | null>;
}

export function useRuleChecks(): RuleChecks {
  const client = useIpc();
  const queryClient = useQueryClient();
  return useMemo(
    () => ({
      value: (kind, value) => queryClient.query(valueCheck(client, kind, value)),
      trigger: (request) => queryClient.query(triggerCheck(client, request)),
      shareUntil: (until) => queryClient.query(shareUntilCheck(client, until)),
    }),
    [client, queryClient],
  );
}

/**
 * Every rule a new trigger breaks, answered for exactly this request (not a previous one): what a
 * form asks before it sends.
 */
export function useCheckTriggerNow() {
  const client = useIpc();
  const queryClient = useQueryClient();
  return useCallback(
    (request: CreateTriggerRequest) => queryClient.query<RuleViolation[], CommandError>(triggerCheck(client, request)),
    [client, queryClient],
  );
}

/** The rule `value` breaks as a `kind`, answered for exactly this value: what a form asks before it sends. */
export function useCheckValueNow() {
  const client = useIpc();
  const queryClient = useQueryClient();
  return useCallback(
    (kind: ValueKind, value: string) => queryClient.query<RuleViolation | null, CommandError>(valueCheck(client, kind, value)),
    [client, queryClient],
  );
}
