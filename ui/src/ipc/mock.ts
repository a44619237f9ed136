// An in-memory backend with the same contract as the Tauri commands. Used by the component tests
// and when the UI is opened in a plain browser (`npm run dev` without Tauri).

import type {
  AppInfo,
  IpcClient,
  IpcError,
  LoginFormat,
  Persistence,
  Profile,
  ProfileInput,
  ProfileSummary,
  Recovered,
  Region,
  RuleViolation,
  Settings,
  VerifyOutcome,
} from "./index";
import { CommandError } from "./index";
import { createMockAccess, type MockAccess, type MockAccessOptions } from "./mockAccess";
import { createMockAutomation, type MockAutomation, type MockAutomationOptions } from "./mockAutomation";
import { createMockSync, type MockSync, type MockSyncOptions } from "./mockSync";
import { createMockBrowse, type MockBrowse, type MockBrowseOptions } from "./mockBrowse";
import { createMockDashboard, type MockDashboardOptions } from "./mockDashboard";
import { createMockRules, type MockRulesOptions } from "./mockRules";
import { createMockUploads, type MockUploads } from "./mockUploads";
import type { OrganizationOption } from "./index";

export { mockImage, mockValidation, type MockFile, type MockUploads } from "./mockUploads";
export {
  mockDigest,
  mockImageRow,
  mockInspection,
  mockPullCommands,
  mockTagRow,
  type MockBrowse,
  type MockBrowseOptions,
} from "./mockBrowse";
export { mockDashboard, type MockDashboardOptions } from "./mockDashboard";
export type { MockAccess, MockAccessOptions } from "./mockAccess";
export type { MockAutomation, MockAutomationOptions } from "./mockAutomation";
export type { MockSync, MockSyncOptions } from "./mockSync";
export { mockViolation, type MockRulesOptions } from "./mockRules";

export interface MockBackendOptions extends MockRulesOptions, MockBrowseOptions, MockDashboardOptions, MockAccessOptions, MockAutomationOptions, MockSyncOptions {
  settings?: Settings;
  /** The one saved profile, active; `sessionOnly` makes it the profile from the environment. */
  profile?: (Omit<ProfileSummary, "sessionOnly"> & { sessionOnly?: boolean }) | null;
  appInfo?: Partial<AppInfo>;
  /** Configuration files the backend found unreadable at start. */
  startupNotices?: Recovered[];
  /** When set, `updateSettings` rejects with this error and keeps the stored settings. */
  updateSettingsError?: IpcError;
  /** Pretend there is no OS keyring: saving for good fails with `keyringUnavailable`. */
  noKeyring?: boolean;
  /** What `listOrganizations` answers for every profile (until one is created). */
  organizations?: OrganizationOption[];
  /**
   * What `checkProfile` answers, by the value of the field the rule is about: a form whose
   * field holds that value breaks that rule. Saving refuses with the first one broken.
   */
  profileRules?: { field: string; value: string; violation: RuleViolation }[];
}

export interface MockBackend extends IpcClient {
  /** The settings the backend currently holds. */
  readonly storedSettings: Settings;
  /** What the backend put on the clipboard; emptied 60 s later like the real one. */
  readonly clipboard: string;
  /** Secret keys by access key id, as the keyring (or session) would hold them. */
  readonly storedSecrets: ReadonlyMap<string, { value: string; persistence: Persistence }>;
  /** Drives the upload manager: adds files, moves items through the queue, emits events. */
  readonly uploads: MockUploads;
  /** What the browsing screens asked for. */
  readonly browse: MockBrowse;
  /** What the access and journal screens asked for. */
  readonly access: MockAccess;
  /** What the retention and trigger tabs asked for. */
  readonly automation: MockAutomation;
  /** What the Sync tab asked for. */
  readonly sync: MockSync;
  /** The window is asked to close while `item` is being pushed, as the backend reports it. */
  closeWhilePushing(item: number): void;
  /** Whether the UI asked the app to quit. */
  readonly quitRequested: boolean;
}

export const MOCK_APP_INFO: AppInfo = {
  name: "SWR Console",
  version: "0.1.0",
  tauriVersion: "2.0.0",
  webview: "mock",
  os: "linux",
  arch: "x86_64",
};

/** The secret key the mock SWR accepts; any other is "wrong". */
export const MOCK_GOOD_SK = "mock-secret-key";

const MOCK_REGIONS: Region[] = [
  { id: "cn-north-4", area: "chineseMainland", nameEn: "CN North-Beijing4", nameZhCn: "华北-北京四" },
  { id: "ap-southeast-1", area: "asiaPacific", nameEn: "CN-Hong Kong", nameZhCn: "中国-香港" },
  { id: "ap-southeast-3", area: "asiaPacific", nameEn: "AP-Singapore", nameZhCn: "亚太-新加坡" },
];

function fail(code: IpcError["code"], message: string): Promise<never> {
  return Promise.reject(new CommandError({ code, message, requestId: null, retryable: false, violation: null, advice: null }));
}

/** The text of a profile form field, by the name rule violations give it. */
function fieldValue(input: ProfileInput, field: string): string {
  const endpoint = /^endpoints\.(api|registry|iam)$/.exec(field)?.[1] as "api" | "registry" | "iam" | undefined;
  if (endpoint !== undefined) return input.endpoints[endpoint] ?? "";
  const value: unknown = (input as unknown as Record<string, unknown>)[field];
  return typeof value === "string" ? value : "";
}

function registryOf(p: Profile): string {
  return p.endpoints?.registry ?? `swr.${p.region}.myhuaweicloud.com`;
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  let settings: Settings = options.settings ?? { language: "system", theme: "system", density: "comfortable" };
  const appInfo: AppInfo = { ...MOCK_APP_INFO, ...options.appInfo };
  const profiles: Profile[] = [];
  const secrets = new Map<string, { value: string; persistence: Persistence }>();
  let staged: { token: string; value: string } | null = null;
  let active: string | null = null;
  let clipboard = "";
  const brokenRules = (input: ProfileInput): RuleViolation[] =>
    (options.profileRules ?? [])
      .filter((r) => fieldValue(input, r.field).trim() === r.value)
      .map((r) => ({ ...r.violation }));
  const copy = (text: string) => {
    clipboard = text;
    setTimeout(() => {
      if (clipboard === text) clipboard = "";
    }, 60_000);
    return Promise.resolve(60);
  };
  if (options.profile) {
    const { id, name, region } = options.profile;
    profiles.push({ id, name, region, accessKeyId: "HPUAMOCKAK0000000001" });
    active = id;
  }

  const find = (id: string) => profiles.find((p) => p.id === id);
  const withSecret = (id: string) => {
    const profile = find(id);
    if (!profile) return null;
    return { profile, sk: secrets.get(profile.accessKeyId)?.value };
  };
  const activeProfile = () => (active !== null ? find(active) : undefined) ?? profiles[0];
  const loginKey = (p: Profile) => `key-of-${p.accessKeyId}`;
  const render = (format: LoginFormat, p: Profile, key: string) =>
    `${format}: ${p.region}@${p.accessKeyId} ${key} ${registryOf(p)}`;

  const fromInput = (id: string, input: ProfileInput): Profile => ({ id, ...input });

  const rules = createMockRules(options);
  const uploads = createMockUploads(
    {
      exists: (id) => find(id) !== undefined,
      registry: (id) => {
        const p = find(id);
        return p ? registryOf(p) : undefined;
      },
      active: () => activeProfile()?.id,
    },
    {
      organizations: options.organizations,
      rules,
      setClipboard: (text) => {
        clipboard = text;
      },
    },
  );

  const browse = createMockBrowse(
    {
      exists: (id) => find(id) !== undefined,
      registry: (id) => {
        const p = find(id);
        return p ? registryOf(p) : undefined;
      },
      organizations: (id) => uploads.client.listOrganizations(id),
      removeOrganization: (id, name) => {
        const list = uploads.control.organizations.get(id) ?? [];
        const at = list.findIndex((o) => o.name === name);
        if (at >= 0) list.splice(at, 1);
      },
    },
    options,
  );

  const dashboard = createMockDashboard({ exists: (id) => find(id) !== undefined }, options);
  const access = createMockAccess({ exists: (id) => find(id) !== undefined }, options);
  const automation = createMockAutomation({ exists: (id) => find(id) !== undefined }, options);
  const sync = createMockSync({ exists: (id) => find(id) !== undefined }, options);

  const closeListeners = new Set<(item: number) => void>();
  let quitRequested = false;

  return {
    ...rules.client,
    ...uploads.client,
    ...browse.client,
    ...dashboard,
    ...access.client,
    ...automation.client,
    ...sync.client,
    uploads: uploads.control,
    browse: browse.control,
    access: access.control,
    automation: automation.control,
    sync: sync.control,
    get storedSettings() {
      return settings;
    },
    get clipboard() {
      return clipboard;
    },
    get storedSecrets() {
      return secrets;
    },
    appInfo: () => Promise.resolve({ ...appInfo }),
    startupNotices: () => Promise.resolve((options.startupNotices ?? []).map((n) => ({ ...n }))),
    closeWhilePushing: (item) => {
      for (const listener of closeListeners) listener(item);
    },
    get quitRequested() {
      return quitRequested;
    },
    quitApp: () => {
      quitRequested = true;
      return Promise.resolve();
    },
    onCloseWhilePushing: (cb) => {
      closeListeners.add(cb);
      return Promise.resolve(() => {
        closeListeners.delete(cb);
      });
    },
    getSettings: () => Promise.resolve({ ...settings }),
    updateSettings: (next) => {
      if (options.updateSettingsError) {
        return Promise.reject(new CommandError(options.updateSettingsError));
      }
      settings = { ...next };
      return Promise.resolve({ ...settings });
    },
    activeProfile: () => {
      const p = activeProfile();
      const sessionOnly = p !== undefined && p.id === options.profile?.id && options.profile.sessionOnly === true;
      return Promise.resolve(p ? { id: p.id, name: p.name, region: p.region, sessionOnly } : null);
    },
    listProfiles: () =>
      Promise.resolve({
        active: activeProfile()?.id ?? null,
        profiles: profiles.map((profile) => ({
          profile: { ...profile },
          secretKey: secrets.get(profile.accessKeyId)?.persistence ?? null,
          registry: registryOf(profile),
        })),
      }),
    listRegions: () => Promise.resolve(MOCK_REGIONS.map((r) => ({ ...r }))),
    checkProfile: (input) => Promise.resolve(brokenRules(input)),
    importCredentialsCsv: (contents) => {
      const lines = contents.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "");
      const header = (lines[0] ?? "").split(",").map((h) => h.trim());
      const row = (lines[1] ?? "").split(",").map((f) => f.trim());
      const ak = row[header.indexOf("Access Key Id")];
      const sk = row[header.indexOf("Secret Access Key")];
      if (!ak || !sk) return fail("invalidInput", "the file has no `Access Key Id` column");
      staged = { token: "staged-1", value: sk };
      return Promise.resolve({ userName: row[header.indexOf("User Name")] ?? null, accessKeyId: ak, token: "staged-1" });
    },
    saveProfile: (id, input, secret, persistence) => {
      const broken = brokenRules(input)[0];
      if (broken !== undefined) {
        return Promise.reject(
          new CommandError({ code: "invalidInput", message: broken.message.en, requestId: null, retryable: false, violation: broken, advice: null }),
        );
      }
      if (profiles.some((p) => p.id !== id && p.name.toLowerCase() === input.name.trim().toLowerCase())) {
        return fail("invalidInput", `a profile named \`${input.name}\` already exists`);
      }
      let sk: string | null = null;
      if (secret?.kind === "typed" && secret.value.trim() !== "") sk = secret.value.trim();
      if (secret?.kind === "imported") {
        if (staged?.token !== secret.token) return fail("invalidInput", "import the credentials file again");
        sk = staged.value;
        staged = null;
      }
      if (sk !== null && persistence === "keyring" && options.noKeyring) {
        return fail("keyringUnavailable", "the OS keyring is not available: no Secret Service");
      }
      let profile: Profile;
      if (id === null) {
        const base = input.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "profile";
        let newId = base;
        for (let n = 2; find(newId); n++) newId = `${base}-${n}`;
        profile = fromInput(newId, input);
        profiles.push(profile);
        active ??= newId;
      } else {
        const at = profiles.findIndex((p) => p.id === id);
        if (at < 0) return fail("notFound", `no profile with id ${id}`);
        profile = fromInput(id, input);
        profiles[at] = profile;
      }
      if (sk !== null) secrets.set(profile.accessKeyId, { value: sk, persistence });
      return Promise.resolve({ ...profile });
    },
    duplicateProfile: (id) => {
      const source = find(id);
      if (!source) return fail("notFound", `no profile with id ${id}`);
      const copy = { ...source, id: `${source.id}-copy`, name: `${source.name} (copy)` };
      profiles.push(copy);
      return Promise.resolve({ ...copy });
    },
    deleteProfile: (id) => {
      const at = profiles.findIndex((p) => p.id === id);
      if (at < 0) return fail("notFound", `no profile with id ${id}`);
      const [removed] = profiles.splice(at, 1);
      if (removed && !profiles.some((p) => p.accessKeyId === removed.accessKeyId)) {
        secrets.delete(removed.accessKeyId);
      }
      if (active === id) active = profiles[0]?.id ?? null;
      return Promise.resolve();
    },
    setActiveProfile: (id) => {
      if (!find(id)) return fail("notFound", `no profile with id ${id}`);
      active = id;
      return Promise.resolve();
    },
    verifyProfile: (id) => {
      const found = withSecret(id);
      if (!found) return fail("notFound", `no profile with id ${id}`);
      if (found.sk === undefined) return fail("secretKeyMissing", "no secret key is stored");
      const outcome: VerifyOutcome =
        found.sk === MOCK_GOOD_SK
          ? { status: "verified", organizations: ["demo"], registry: registryOf(found.profile) }
          : {
              status: "failed",
              failure: "wrongCredentials",
              detail: "SWR did not accept the credentials.",
              requestId: "mock-request-1",
              skewSeconds: null,
            };
      return Promise.resolve(outcome);
    },
    loginOutputs: (id) => {
      const found = withSecret(id);
      if (!found) return fail("notFound", `no profile with id ${id}`);
      const formats: LoginFormat[] = [
        "docker",
        "dockerStdin",
        "containerd",
        "nerdctl",
        "podman",
        "skopeo",
        "k8sSecret",
        "kubectl",
        "authJson",
      ];
      return Promise.resolve({
        registry: registryOf(found.profile),
        username: `${found.profile.region}@${found.profile.accessKeyId}`,
        outputs: formats.map((format) => ({ format, masked: render(format, found.profile, "********") })),
      });
    },
    revealLogin: (id, format) => {
      const found = withSecret(id);
      if (!found) return fail("notFound", `no profile with id ${id}`);
      return Promise.resolve(render(format, found.profile, loginKey(found.profile)));
    },
    copyLogin: (id, format) => {
      const found = withSecret(id);
      if (!found) return fail("notFound", `no profile with id ${id}`);
      return copy(render(format, found.profile, loginKey(found.profile)));
    },
    copySecretText: (text) => copy(text),
    writeDockerConfig: () => Promise.resolve({ kind: "written", path: "/home/user/.docker/config.json" }),
    createTemporaryLogin: (id) => {
      const found = withSecret(id);
      if (!found) return fail("notFound", `no profile with id ${id}`);
      return Promise.resolve({
        registry: registryOf(found.profile),
        username: `${found.profile.region}@TEMP`,
        expiresAt: "1893456000000",
        command: `docker login -u ${found.profile.region}@TEMP -p temp-password ${registryOf(found.profile)}`,
      });
    },
  };
}
