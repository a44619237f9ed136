// Retention and triggers on the in-memory backend. It serves the previews, test results and
// histories a test gives, as they are: which tags a policy deletes and which triggers a tag
// fires are SWR's rules, written once in Rust, and a copy here would only test itself. Stored
// policies and triggers change the way the real backend reports them, so a screen can be seen
// to read back what it wrote.

import type {
  CreateTriggerRequest,
  IpcClient,
  IpcError,
  Policy,
  PolicyInput,
  RetentionLog,
  RetentionPreview,
  SaveOutcome,
  Trigger,
  TriggerMatch,
} from "./index";
import { CommandError } from "./index";
import { forProfile } from "./mockProfiles";

type AutomationClient = Pick<
  IpcClient,
  | "retentionPolicy"
  | "previewRetention"
  | "saveRetention"
  | "removeRetention"
  | "retentionHistory"
  | "listTriggers"
  | "testTriggerTag"
  | "addTrigger"
  | "setTriggerEnabled"
  | "deleteTrigger"
>;

export interface MockAutomationOptions {
  /** Policies by `org/image`. */
  policies?: Record<string, Policy>;
  /** Answer of `previewRetention` (and the preview inside `saveRetention`); empty by default. */
  retentionPreview?: RetentionPreview;
  /** `previewRetention` and `saveRetention` reject with this (for example a rule violation). */
  retentionError?: IpcError;
  /** Retention logs by `org/image`. */
  retentionLogs?: Record<string, RetentionLog[]>;
  /** Triggers by `org/image`. */
  triggers?: Record<string, Trigger[]>;
  /** Answers of `testTriggerTag` by tag; other tags match nothing. */
  triggerTests?: Record<string, TriggerMatch[]>;
  /** `addTrigger` rejects with this. */
  triggerError?: IpcError;
}

/** What the automation tabs asked for. */
export interface MockAutomation {
  readonly previews: { image: string; policy: PolicyInput }[];
  readonly saved: { image: string; policy: PolicyInput }[];
  readonly removedPolicies: string[];
  readonly testedTags: string[];
  readonly addedTriggers: { image: string; trigger: CreateTriggerRequest }[];
  readonly toggledTriggers: { image: string; name: string; enabled: boolean }[];
  readonly deletedTriggers: { image: string; name: string }[];
}

const EMPTY_PREVIEW: RetentionPreview = { items: [], deleted: 0, kept: 0, warnings: [] };

export function createMockAutomation(
  profiles: { exists: (id: string) => boolean },
  options: MockAutomationOptions,
): { client: AutomationClient; control: MockAutomation } {
  const policies = new Map(Object.entries(options.policies ?? {}));
  const triggers = new Map(Object.entries(options.triggers ?? {}).map(([k, v]) => [k, [...v]]));
  const control = {
    previews: [] as MockAutomation["previews"],
    saved: [] as MockAutomation["saved"],
    removedPolicies: [] as string[],
    testedTags: [] as string[],
    addedTriggers: [] as MockAutomation["addedTriggers"],
    toggledTriggers: [] as MockAutomation["toggledTriggers"],
    deletedTriggers: [] as MockAutomation["deletedTriggers"],
  };
  const known = forProfile(profiles.exists);
  const refuse = (error: IpcError | undefined) => (error ? Promise.reject(new CommandError(error)) : null);
  const preview = () => options.retentionPreview ?? EMPTY_PREVIEW;

  const client: AutomationClient = {
    retentionPolicy: (profileId, organization, image) =>
      known(profileId, () => policies.get(`${organization}/${image}`) ?? null),
    previewRetention: (profileId, organization, image, policy) => {
      control.previews.push({ image: `${organization}/${image}`, policy });
      return refuse(options.retentionError) ?? known(profileId, preview);
    },
    saveRetention: (profileId, organization, image, policy) => {
      const name = `${organization}/${image}`;
      control.saved.push({ image: name, policy });
      return (
        refuse(options.retentionError) ??
        known(profileId, (): SaveOutcome => {
          policies.set(name, { id: policies.get(name)?.id ?? 1, input: policy });
          const p = preview();
          const deleted = p.items.filter((i) => i.verdict.verdict === "delete").map((i) => i.tag);
          return { preview: p, deleted, asPreviewed: true };
        })
      );
    },
    removeRetention: (profileId, organization, image) => {
      const name = `${organization}/${image}`;
      control.removedPolicies.push(name);
      return known(profileId, () => {
        policies.delete(name);
      });
    },
    retentionHistory: (profileId, organization, image) =>
      known(profileId, () => options.retentionLogs?.[`${organization}/${image}`] ?? []),
    listTriggers: (profileId, organization, image) =>
      known(profileId, () => [...(triggers.get(`${organization}/${image}`) ?? [])]),
    testTriggerTag: (profileId, _organization, _image, tag) => {
      control.testedTags.push(tag);
      return known(profileId, () => options.triggerTests?.[tag] ?? []);
    },
    addTrigger: (profileId, organization, image, trigger) => {
      const name = `${organization}/${image}`;
      control.addedTriggers.push({ image: name, trigger });
      return (
        refuse(options.triggerError) ??
        known(profileId, () => {
          const stored: Trigger = { ...trigger, created_at: "2026-12-04T00:00:00Z", creator_name: "mock-admin", trigger_history: [] };
          triggers.set(name, [...(triggers.get(name) ?? []), stored]);
        })
      );
    },
    setTriggerEnabled: (profileId, organization, image, name, enabled) => {
      const key = `${organization}/${image}`;
      control.toggledTriggers.push({ image: key, name, enabled });
      return known(profileId, () => {
        triggers.set(
          key,
          (triggers.get(key) ?? []).map((t) => (t.name === name ? { ...t, enable: enabled } : t)),
        );
      });
    },
    deleteTrigger: (profileId, organization, image, name) => {
      const key = `${organization}/${image}`;
      control.deletedTriggers.push({ image: key, name });
      return known(profileId, () => {
        triggers.set(
          key,
          (triggers.get(key) ?? []).filter((t) => t.name !== name),
        );
      });
    },
  };
  return { client, control };
}
