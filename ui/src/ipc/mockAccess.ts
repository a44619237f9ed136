// Attributes, permissions, sharing and the journal on the in-memory backend. Like the browsing
// mock, it serves what a test gives and remembers what the UI asked for; it does not check SWR's
// rules or work out diffs, because those live in Rust and a copy here would only test itself.
// Stored values change the way the real backend reports them (a change, a new share), so a
// screen can be seen to read back what it wrote.

import type {
  Attributes,
  AttributesChange,
  BulkOutcome,
  BulkPlan,
  ExportFormat,
  IpcClient,
  IpcError,
  JournalEntry,
  JournalQuery,
  Matrix,
  PermissionList,
  Scope,
  ShareInput,
  ShareRow,
  Wanted,
} from "./index";
import { CommandError } from "./index";
import { forProfile } from "./mockProfiles";

type AccessClient = Pick<
  IpcClient,
  | "imageAttributes"
  | "setImageAttributes"
  | "listPermissions"
  | "planPermissions"
  | "applyPermissions"
  | "organizationMatrix"
  | "imageMatrix"
  | "listShares"
  | "addShare"
  | "updateShare"
  | "removeShare"
  | "queryJournal"
  | "exportJournal"
>;

export interface MockAccessOptions {
  /** Attributes by `org/image`; an image without an entry is private, `other`, undescribed. */
  attributes?: Record<string, Attributes>;
  /** `setImageAttributes` rejects with this (for example a rule violation). */
  attributesError?: IpcError;
  /** Grants by scope label (`org` or `org/image`). */
  permissions?: Record<string, PermissionList>;
  /** Answer of `planPermissions`; by default every wish is a grant from nothing. */
  permissionPlan?: BulkPlan;
  /** Answer of `applyPermissions`; by default every changing item is done. */
  permissionOutcome?: BulkOutcome;
  /** Answer of `organizationMatrix` and `imageMatrix`. */
  matrix?: Matrix;
  /** Shares by `org/image`. */
  shares?: Record<string, ShareRow[]>;
  /** `addShare` and `updateShare` reject with this. */
  shareError?: IpcError;
  /** The journal, newest first, served whatever the query. */
  journal?: JournalEntry[];
}

/** What the access screens asked for. */
export interface MockAccess {
  readonly attributeChanges: { image: string; change: AttributesChange }[];
  readonly plannedWishes: Wanted[][];
  readonly appliedPlans: BulkPlan[];
  readonly shareCalls: { action: "add" | "update" | "remove"; image: string; share: ShareInput | string }[];
  readonly journalQueries: JournalQuery[];
  readonly exports: ExportFormat[];
}

const EMPTY_MATRIX: Matrix = { organization: null, columns: [], users: [], cells: [] };

function label(scope: Scope): string {
  return scope.image ? `${scope.organization}/${scope.image}` : scope.organization;
}

export function createMockAccess(
  profiles: { exists: (id: string) => boolean },
  options: MockAccessOptions,
): { client: AccessClient; control: MockAccess } {
  const attributes = new Map(Object.entries(options.attributes ?? {}));
  const shares = new Map(Object.entries(options.shares ?? {}).map(([k, v]) => [k, [...v]]));
  const control = {
    attributeChanges: [] as MockAccess["attributeChanges"],
    plannedWishes: [] as Wanted[][],
    appliedPlans: [] as BulkPlan[],
    shareCalls: [] as MockAccess["shareCalls"],
    journalQueries: [] as JournalQuery[],
    exports: [] as ExportFormat[],
  };
  const known = forProfile(profiles.exists);
  const current = (image: string): Attributes =>
    attributes.get(image) ?? { isPublic: false, category: "other", description: "" };

  const client: AccessClient = {
    imageAttributes: (profileId, organization, image) => known(profileId, () => current(`${organization}/${image}`)),
    setImageAttributes: (profileId, organization, image, change) => {
      const name = `${organization}/${image}`;
      control.attributeChanges.push({ image: name, change });
      if (options.attributesError) return Promise.reject(new CommandError(options.attributesError));
      return known(profileId, () => {
        const before = current(name);
        const after: Attributes = {
          isPublic: change.isPublic ?? before.isPublic,
          category: change.category ?? before.category,
          description: change.description ?? before.description,
        };
        attributes.set(name, after);
        return { before, after, changed: JSON.stringify(before) !== JSON.stringify(after) };
      });
    },
    listPermissions: (profileId, scope) =>
      known(profileId, () => options.permissions?.[label(scope)] ?? { scope, own: null, users: [] }),
    planPermissions: (profileId, wanted) => {
      control.plannedWishes.push(wanted);
      return known(
        profileId,
        () =>
          options.permissionPlan ?? {
            items: wanted.map((w) => ({ ...w, before: null, after: w.level, action: "grant" as const })),
          },
      );
    },
    applyPermissions: (profileId, plan) => {
      control.appliedPlans.push(plan);
      return known(profileId, () => {
        if (options.permissionOutcome) return options.permissionOutcome;
        const results = plan.items.map((item) => ({
          item,
          status: item.action === "unchanged" ? { status: "unchanged" as const } : { status: "done" as const },
        }));
        return { results, done: results.filter((r) => r.status.status === "done").length, failed: 0 };
      });
    },
    organizationMatrix: (profileId) => known(profileId, () => options.matrix ?? EMPTY_MATRIX),
    imageMatrix: (profileId) => known(profileId, () => options.matrix ?? EMPTY_MATRIX),
    listShares: (profileId, organization, image) =>
      known(profileId, () => [...(shares.get(`${organization}/${image}`) ?? [])]),
    addShare: (profileId, organization, image, share) => {
      const name = `${organization}/${image}`;
      control.shareCalls.push({ action: "add", image: name, share });
      if (options.shareError) return Promise.reject(new CommandError(options.shareError));
      return known(profileId, () => {
        const row: ShareRow = {
          account: share.account,
          deadline: share.until,
          daysLeft: null,
          expired: false,
          expiring: false,
          description: share.description ?? "",
          creator: "mock-admin",
          created: "2026-12-04T00:00:00Z",
        };
        shares.set(name, [...(shares.get(name) ?? []), row]);
      });
    },
    updateShare: (profileId, organization, image, share) => {
      const name = `${organization}/${image}`;
      control.shareCalls.push({ action: "update", image: name, share });
      if (options.shareError) return Promise.reject(new CommandError(options.shareError));
      return known(profileId, () => {
        shares.set(
          name,
          (shares.get(name) ?? []).map((s) =>
            s.account === share.account ? { ...s, deadline: share.until, description: share.description ?? "" } : s,
          ),
        );
      });
    },
    removeShare: (profileId, organization, image, account) => {
      const name = `${organization}/${image}`;
      control.shareCalls.push({ action: "remove", image: name, share: account });
      return known(profileId, () => {
        shares.set(
          name,
          (shares.get(name) ?? []).filter((s) => s.account !== account),
        );
      });
    },
    queryJournal: (query) => {
      control.journalQueries.push(query);
      const entries = options.journal ?? [];
      return Promise.resolve({ entries, matched: entries.length, total: entries.length, unreadable: 0 });
    },
    exportJournal: (_query, format) => {
      control.exports.push(format);
      return Promise.resolve(`/home/user/swr-journal.${format}`);
    },
  };
  return { client, control };
}
