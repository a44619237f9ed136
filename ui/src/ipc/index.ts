// The IPC boundary. Feature code talks to the backend only through the `IpcClient` defined here,
// never through `@tauri-apps/*` (an ESLint rule enforces this), so the whole UI can run on the
// in-memory backend from `./mock` in tests and in a plain browser.

import { isTauri } from "@tauri-apps/api/core";

import {
  commands,
  events,
  type AppInfo,
  type Attributes,
  type AttributesChange,
  type AttributesOutcome,
  type BulkOutcome,
  type BulkPlan,
  type CreateTriggerRequest,
  type ExportFormat,
  type JournalPage,
  type JournalQuery,
  type Matrix,
  type PermissionList,
  type Policy,
  type PolicyInput,
  type RetentionLog,
  type RegionGap,
  type RetentionPreview,
  type RuleInput,
  type SaveOutcome,
  type Scope,
  type ShareInput,
  type ShareRow,
  type SyncJob,
  type SyncRule,
  type Trigger,
  type TriggerMatch,
  type Wanted,
  type CopyOutcome,
  type Dashboard,
  type DeletionOutcome,
  type DeletionPlan,
  type DockerConfigOutcome,
  type ErrorCode,
  type FilesOpened,
  type ImageOverview,
  type ImageQuery,
  type ImageRow,
  type ImageWindow,
  type ImportedCredentials,
  type IndexStatus,
  type Inspection,
  type IpcError,
  type LoginFormat,
  type LoginOutputs,
  type OrganizationOption,
  type OrganizationRow,
  type Persistence,
  type Profile,
  type ProfileInput,
  type ProfileList,
  type ProfileSummary,
  type Recovered,
  type Region,
  type Result,
  type RuleViolation,
  type SecretInput,
  type Settings,
  type TagQuery,
  type TagsStatus,
  type TagWindow,
  type TargetInput,
  type TemporaryLoginView,
  type UploadEvent,
  type UploadItemView,
  type UploadsChanged,
  type UploadsView,
  type ValidationProgress,
  type VerifyOutcome,
} from "./bindings";

export type {
  AppInfo,
  IgnoredFile,
  IgnoredReason,
  Action as PermissionAction,
  EndpointOverrides,
  CreateTriggerRequest,
  GapRow,
  GapState,
  KeepReason,
  RegionGap,
  RuleInput as SyncRuleInput,
  SyncJob,
  SyncRule,
  Policy,
  PolicyInput,
  PreviewItem,
  RetentionLog,
  RetentionPreview,
  RetentionWarning,
  SaveOutcome,
  Trigger,
  TriggerHistory,
  TriggerMatch,
  Verdict,
  Attributes,
  AttributesChange,
  AttributesOutcome,
  BulkOutcome,
  BulkPlan,
  Category,
  Effective,
  ExportFormat,
  ItemResult,
  ItemStatus,
  JournalEntry,
  JournalPage,
  JournalQuery,
  Level,
  Matrix,
  MatrixUser,
  Operation,
  Origin,
  Outcome,
  PermissionList,
  PlanItem,
  Scope,
  ShareInput,
  ShareRow,
  Source as JournalSource,
  UserLevel,
  Wanted,
  ArchiveReport,
  CopyOutcome,
  Dashboard,
  DeletionFailure,
  DeletionItem,
  DeletionOutcome,
  DeletionPlan,
  DockerConfigOutcome,
  Efficiency,
  ErrorCode,
  ExpiringShare,
  FailureKind,
  FilesOpened,
  Finding,
  Hint,
  HistoryStep,
  ImageConfigView,
  ImageOverview,
  ImageQuery,
  ImageReport,
  ImageRow,
  ImageSort,
  ImageTarget,
  ImageWindow,
  ImportedCredentials,
  IndexStatus,
  Inspection,
  ItemState,
  Label,
  LayerInfo,
  LayerProgress,
  LayerReport,
  LocalizedText,
  IpcError,
  LanguagePreference,
  LoginFormat,
  LoginOutputs,
  OrganizationOption,
  OrganizationRow,
  Persistence,
  Platform,
  PlatformInspection,
  Profile,
  ProfileEntry,
  ProfileInput,
  ProfileList,
  ProfileSummary,
  PullCommand,
  PullTool,
  QuotaUse,
  Recovered,
  Region,
  ReportPoint,
  RuleViolation,
  SecretInput,
  Settings,
  Step,
  TagQuery,
  TagRow,
  TagSort,
  TagsStatus,
  TagWindow,
  TargetInput,
  TargetProblem,
  TemporaryLoginView,
  ThemePreference,
  UploadEvent,
  UploadItemView,
  UploadsChanged,
  UploadsView,
  Validation,
  ValidationProgress,
  ValidationState,
  VerifyFailure,
  VerifyOutcome,
  Visibility,
} from "./bindings";

/** Stops listening to an event. */
export type Unlisten = () => void;

/** The backend as the UI sees it: every call resolves with data or rejects with `CommandError`. */
export interface IpcClient {
  appInfo(): Promise<AppInfo>;
  startupNotices(): Promise<Recovered[]>;
  /** Quits the app (after the user chose to stop a running upload). */
  quitApp(): Promise<void>;
  /** The window was asked to close while the upload item `item` is being pushed. */
  onCloseWhilePushing(cb: (item: number) => void): Promise<Unlisten>;
  getSettings(): Promise<Settings>;
  updateSettings(settings: Settings): Promise<Settings>;
  activeProfile(): Promise<ProfileSummary | null>;
  listProfiles(): Promise<ProfileList>;
  listRegions(): Promise<Region[]>;
  /** Every rule the profile form breaks now (empty when it can be saved). */
  checkProfile(input: ProfileInput): Promise<RuleViolation[]>;
  /** Parses a console `credentials.csv`; the secret key stays in the backend behind `token`. */
  importCredentialsCsv(contents: string): Promise<ImportedCredentials>;
  saveProfile(
    id: string | null,
    input: ProfileInput,
    secret: SecretInput | null,
    persistence: Persistence,
  ): Promise<Profile>;
  duplicateProfile(id: string): Promise<Profile>;
  deleteProfile(id: string): Promise<void>;
  setActiveProfile(id: string): Promise<void>;
  verifyProfile(id: string): Promise<VerifyOutcome>;
  loginOutputs(id: string): Promise<LoginOutputs>;
  /** The output with the real login key: call only when the user asks to see or copy it. */
  revealLogin(id: string, format: LoginFormat): Promise<string>;
  writeDockerConfig(id: string): Promise<DockerConfigOutcome>;
  createTemporaryLogin(id: string): Promise<TemporaryLoginView>;
  /** Copies an output with the real key from the backend; resolves with the seconds until it is wiped. */
  copyLogin(id: string, format: LoginFormat): Promise<number>;
  /** Copies text already on screen (a temporary login); wiped like `copyLogin`. */
  copySecretText(text: string): Promise<number>;
  /** Copies text that is not secret (a pull command); it stays on the clipboard. */
  copyText(text: string): Promise<void>;

  listOrganizations(profileId: string): Promise<OrganizationOption[]>;
  /** Creates an organization; a name breaking SWR's rules is refused with `invalidInput`. */
  createOrganization(profileId: string, name: string): Promise<void>;
  /** The organizations with the account's permission and how many images the index holds in each. */
  listOrganizationRows(profileId: string): Promise<OrganizationRow[]>;
  /** Deletes an organization; one that still has images is refused with `invalidInput`. */
  deleteOrganization(profileId: string, name: string): Promise<void>;

  /** Builds the profile's image index, or rebuilds it with `refresh`; cheap once built. */
  loadImageIndex(profileId: string, refresh: boolean): Promise<IndexStatus>;
  /** Rows `offset…offset+limit` of the index, filtered and sorted by the backend. */
  queryImages(profileId: string, query: ImageQuery, offset: number, limit: number): Promise<ImageWindow>;
  imageOverview(profileId: string, organization: string, image: string): Promise<ImageOverview>;
  loadTags(profileId: string, organization: string, image: string, refresh: boolean): Promise<TagsStatus>;
  /** A window of tags; a filter the backend cannot read comes back as `filterProblem`, not an error. */
  queryTags(
    profileId: string,
    organization: string,
    image: string,
    query: TagQuery,
    offset: number,
    limit: number,
  ): Promise<TagWindow>;
  /** `reference` is a tag or a `sha256:` digest; slow the first time, cached after. */
  inspectTag(profileId: string, organization: string, image: string, reference: string): Promise<Inspection>;
  /** What deleting these tags or digests would remove; nothing is deleted yet. */
  planTagDeletion(profileId: string, organization: string, image: string, references: string[]): Promise<DeletionPlan>;
  /** Deletes exactly these tags (those of a plan) and reports each one that failed. */
  deleteTags(profileId: string, organization: string, image: string, tags: string[]): Promise<DeletionOutcome>;
  /** Copies `org/image:tag` to `org/image:tag` inside the registry. */
  copyTag(profileId: string, source: string, target: string): Promise<CopyOutcome>;

  /** Totals, quotas, series and shares ending soon; parts SWR did not serve are named in `problems`. */
  dashboard(profileId: string): Promise<Dashboard>;
  /** Images other accounts share with this one. */
  sharedWithMe(profileId: string): Promise<ImageRow[]>;

  imageAttributes(profileId: string, organization: string, image: string): Promise<Attributes>;
  /** Changes the touched fields over what SWR holds now; a broken rule comes back with `violation`. */
  setImageAttributes(
    profileId: string,
    organization: string,
    image: string,
    change: AttributesChange,
  ): Promise<AttributesOutcome>;
  listPermissions(profileId: string, scope: Scope): Promise<PermissionList>;
  /** The diff of wanted levels against what SWR holds now; nothing is changed yet. */
  planPermissions(profileId: string, wanted: Wanted[]): Promise<BulkPlan>;
  /** Applies a plan one request per item; each item reports its own result. */
  applyPermissions(profileId: string, plan: BulkPlan): Promise<BulkOutcome>;
  /** Users × organizations; every organization of the profile when `organizations` is empty. */
  organizationMatrix(profileId: string, organizations: string[]): Promise<Matrix>;
  /** Users × the given images of one organization. */
  imageMatrix(profileId: string, organization: string, images: string[]): Promise<Matrix>;
  listShares(profileId: string, organization: string, image: string): Promise<ShareRow[]>;
  addShare(profileId: string, organization: string, image: string, share: ShareInput): Promise<void>;
  updateShare(profileId: string, organization: string, image: string, share: ShareInput): Promise<void>;
  removeShare(profileId: string, organization: string, image: string, account: string): Promise<void>;
  retentionPolicy(profileId: string, organization: string, image: string): Promise<Policy | null>;
  /** What a policy would delete now over every tag of the image, and why each tag stays; nothing changes. */
  previewRetention(profileId: string, organization: string, image: string, policy: PolicyInput): Promise<RetentionPreview>;
  /** Saves the policy (SWR applies it at once) and reports the tags SWR deleted. */
  saveRetention(profileId: string, organization: string, image: string, policy: PolicyInput): Promise<SaveOutcome>;
  removeRetention(profileId: string, organization: string, image: string): Promise<void>;
  /** Tags retention deleted, newest first. */
  retentionHistory(profileId: string, organization: string, image: string): Promise<RetentionLog[]>;
  /** The image's triggers, each with its history. */
  listTriggers(profileId: string, organization: string, image: string): Promise<Trigger[]>;
  /** Which triggers a push of `tag` would fire, and why each does or does not. */
  testTriggerTag(profileId: string, organization: string, image: string, tag: string): Promise<TriggerMatch[]>;
  addTrigger(profileId: string, organization: string, image: string, trigger: CreateTriggerRequest): Promise<void>;
  setTriggerEnabled(profileId: string, organization: string, image: string, name: string, enabled: boolean): Promise<void>;
  deleteTrigger(profileId: string, organization: string, image: string, name: string): Promise<void>;
  /** Regions this account's images can be synced to. */
  syncRegions(profileId: string): Promise<string[]>;
  syncRules(profileId: string, organization: string, image: string): Promise<SyncRule[]>;
  addSyncRule(profileId: string, organization: string, image: string, rule: RuleInput): Promise<void>;
  deleteSyncRule(profileId: string, organization: string, image: string, region: string, namespace: string): Promise<void>;
  /** Starts copying the tags to the region now; follow it in `syncJobs`. */
  syncTags(
    profileId: string,
    organization: string,
    image: string,
    tags: string[],
    region: string,
    namespace: string,
    overwrite: boolean,
  ): Promise<void>;
  /** Sync jobs, newest first. */
  syncJobs(profileId: string, organization: string, image: string): Promise<SyncJob[]>;
  /** For each rule, every tag here compared by digest with the target region's. */
  syncGaps(profileId: string, organization: string, image: string): Promise<RegionGap[]>;
  /** Journal entries, newest first. */
  queryJournal(query: JournalQuery): Promise<JournalPage>;
  /** Asks where to save and writes the selected entries; the saved path, or null when cancelled. */
  exportJournal(query: JournalQuery, format: ExportFormat): Promise<string | null>;

  uploadsView(): Promise<UploadsView>;
  /** Opens the native file dialog; the backend adds the picked files (the page never sees paths). */
  pickUploadFiles(): Promise<void>;
  setUploadTarget(id: number, target: TargetInput): Promise<UploadItemView>;
  queueUploads(ids: number[]): Promise<void>;
  startUploads(): Promise<void>;
  pauseUploads(): Promise<void>;
  cancelUpload(id: number): Promise<void>;
  retryUpload(id: number): Promise<void>;
  removeUpload(id: number): Promise<void>;
  moveUpload(id: number, position: number): Promise<void>;
  clearFinishedUploads(): Promise<void>;

  /** Files were dropped, picked or given on the command line. */
  onFilesOpened: (cb: (event: FilesOpened) => void) => Promise<Unlisten>;
  /** Files are dragged over the window (`true`) or no longer are. */
  onDropHover: (cb: (active: boolean) => void) => Promise<Unlisten>;
  /** The upload list changed: read `uploadsView` again. */
  onUploadsChanged: (cb: (event: UploadsChanged) => void) => Promise<Unlisten>;
  onValidationProgress: (cb: (event: ValidationProgress) => void) => Promise<Unlisten>;
  /** What the item being pushed is doing, about ten times a second. */
  onUploadProgress: (cb: (event: UploadEvent) => void) => Promise<Unlisten>;
}

/** A failed backend call, carrying the structured error the backend returned. */
export class CommandError extends Error {
  readonly error: IpcError;

  constructor(error: IpcError) {
    super(error.message);
    this.name = "CommandError";
    this.error = error;
  }

  get code(): ErrorCode {
    return this.error.code;
  }
}

const ERROR_CODES: readonly ErrorCode[] = [
  "invalidInput",
  "notFound",
  "io",
  "keyringUnavailable",
  "secretKeyMissing",
  "service",
  "internal",
];

function isIpcError(value: unknown): value is IpcError {
  if (typeof value !== "object" || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate["code"] === "string" &&
    (ERROR_CODES as readonly string[]).includes(candidate["code"]) &&
    typeof candidate["message"] === "string"
  );
}

/** Turns whatever a rejected call produced into a `CommandError`, so callers handle one shape. */
export function toCommandError(reason: unknown): CommandError {
  if (reason instanceof CommandError) return reason;
  if (isIpcError(reason)) return new CommandError(reason);
  const message = reason instanceof Error ? reason.message : String(reason);
  return new CommandError({ code: "internal", message, requestId: null, retryable: false, violation: null, advice: null });
}

async function call<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (reason) {
    throw toCommandError(reason);
  }
}

function unwrap<T>(result: Result<T, IpcError>): T {
  if (result.status === "error") throw new CommandError(result.error);
  return result.data;
}

/** The client backed by the real Tauri commands. */
export const tauriClient: IpcClient = {
  appInfo: () => call(() => commands.appInfo()),
  startupNotices: () => call(() => commands.startupNotices()),
  quitApp: () => call(() => commands.quitApp()),
  onCloseWhilePushing: (cb) => events.closeWhilePushing.listen((e) => { cb(e.payload.item); }),
  getSettings: () => call(() => commands.getSettings()),
  updateSettings: (settings) => call(async () => unwrap(await commands.updateSettings(settings))),
  activeProfile: () => call(() => commands.activeProfile()),
  listProfiles: () => call(() => commands.listProfiles()),
  listRegions: () => call(() => commands.listRegions()),
  checkProfile: (input) => call(() => commands.checkProfile(input)),
  importCredentialsCsv: (contents) => call(async () => unwrap(await commands.importCredentialsCsv(contents))),
  saveProfile: (id, input, secret, persistence) =>
    call(async () => unwrap(await commands.saveProfile(id, input, secret, persistence))),
  duplicateProfile: (id) => call(async () => unwrap(await commands.duplicateProfile(id))),
  deleteProfile: (id) => call(async () => void unwrap(await commands.deleteProfile(id))),
  setActiveProfile: (id) => call(async () => void unwrap(await commands.setActiveProfile(id))),
  verifyProfile: (id) => call(async () => unwrap(await commands.verifyProfile(id))),
  loginOutputs: (id) => call(async () => unwrap(await commands.loginOutputs(id))),
  revealLogin: (id, format) => call(async () => unwrap(await commands.revealLogin(id, format))),
  writeDockerConfig: (id) => call(async () => unwrap(await commands.writeDockerConfig(id))),
  createTemporaryLogin: (id) => call(async () => unwrap(await commands.createTemporaryLogin(id))),
  copyLogin: (id, format) => call(async () => unwrap(await commands.copyLogin(id, format))),
  copySecretText: (text) => call(async () => unwrap(await commands.copySecretText(text))),
  copyText: (text) => call(async () => void unwrap(await commands.copyText(text))),
  listOrganizations: (profileId) => call(async () => unwrap(await commands.listOrganizations(profileId))),
  createOrganization: (profileId, name) =>
    call(async () => void unwrap(await commands.createOrganization(profileId, name))),
  listOrganizationRows: (profileId) => call(async () => unwrap(await commands.listOrganizationRows(profileId))),
  deleteOrganization: (profileId, name) =>
    call(async () => void unwrap(await commands.deleteOrganization(profileId, name))),
  loadImageIndex: (profileId, refresh) => call(async () => unwrap(await commands.loadImageIndex(profileId, refresh))),
  queryImages: (profileId, query, offset, limit) =>
    call(async () => unwrap(await commands.queryImages(profileId, query, offset, limit))),
  imageOverview: (profileId, organization, image) =>
    call(async () => unwrap(await commands.imageOverview(profileId, organization, image))),
  loadTags: (profileId, organization, image, refresh) =>
    call(async () => unwrap(await commands.loadTags(profileId, organization, image, refresh))),
  queryTags: (profileId, organization, image, query, offset, limit) =>
    call(async () => unwrap(await commands.queryTags(profileId, organization, image, query, offset, limit))),
  inspectTag: (profileId, organization, image, reference) =>
    call(async () => unwrap(await commands.inspectTag(profileId, organization, image, reference))),
  planTagDeletion: (profileId, organization, image, references) =>
    call(async () => unwrap(await commands.planTagDeletion(profileId, organization, image, references))),
  deleteTags: (profileId, organization, image, tags) =>
    call(async () => unwrap(await commands.deleteTags(profileId, organization, image, tags))),
  copyTag: (profileId, source, target) => call(async () => unwrap(await commands.copyTag(profileId, source, target))),
  dashboard: (profileId) => call(async () => unwrap(await commands.dashboard(profileId))),
  sharedWithMe: (profileId) => call(async () => unwrap(await commands.sharedWithMe(profileId))),
  imageAttributes: (profileId, organization, image) =>
    call(async () => unwrap(await commands.imageAttributes(profileId, organization, image))),
  setImageAttributes: (profileId, organization, image, change) =>
    call(async () => unwrap(await commands.setImageAttributes(profileId, organization, image, change))),
  listPermissions: (profileId, scope) => call(async () => unwrap(await commands.listPermissions(profileId, scope))),
  planPermissions: (profileId, wanted) => call(async () => unwrap(await commands.planPermissions(profileId, wanted))),
  applyPermissions: (profileId, plan) => call(async () => unwrap(await commands.applyPermissions(profileId, plan))),
  organizationMatrix: (profileId, organizations) =>
    call(async () => unwrap(await commands.organizationMatrix(profileId, organizations))),
  imageMatrix: (profileId, organization, images) =>
    call(async () => unwrap(await commands.imageMatrix(profileId, organization, images))),
  listShares: (profileId, organization, image) =>
    call(async () => unwrap(await commands.listShares(profileId, organization, image))),
  addShare: (profileId, organization, image, share) =>
    call(async () => void unwrap(await commands.addShare(profileId, organization, image, share))),
  updateShare: (profileId, organization, image, share) =>
    call(async () => void unwrap(await commands.updateShare(profileId, organization, image, share))),
  removeShare: (profileId, organization, image, account) =>
    call(async () => void unwrap(await commands.removeShare(profileId, organization, image, account))),
  retentionPolicy: (profileId, organization, image) =>
    call(async () => unwrap(await commands.retentionPolicy(profileId, organization, image))),
  previewRetention: (profileId, organization, image, policy) =>
    call(async () => unwrap(await commands.previewRetention(profileId, organization, image, policy))),
  saveRetention: (profileId, organization, image, policy) =>
    call(async () => unwrap(await commands.saveRetention(profileId, organization, image, policy))),
  removeRetention: (profileId, organization, image) =>
    call(async () => void unwrap(await commands.removeRetention(profileId, organization, image))),
  retentionHistory: (profileId, organization, image) =>
    call(async () => unwrap(await commands.retentionHistory(profileId, organization, image))),
  listTriggers: (profileId, organization, image) =>
    call(async () => unwrap(await commands.listTriggers(profileId, organization, image))),
  testTriggerTag: (profileId, organization, image, tag) =>
    call(async () => unwrap(await commands.testTriggerTag(profileId, organization, image, tag))),
  addTrigger: (profileId, organization, image, trigger) =>
    call(async () => void unwrap(await commands.addTrigger(profileId, organization, image, trigger))),
  setTriggerEnabled: (profileId, organization, image, name, enabled) =>
    call(async () => void unwrap(await commands.setTriggerEnabled(profileId, organization, image, name, enabled))),
  deleteTrigger: (profileId, organization, image, name) =>
    call(async () => void unwrap(await commands.deleteTrigger(profileId, organization, image, name))),
  syncRegions: (profileId) => call(async () => unwrap(await commands.syncRegions(profileId))),
  syncRules: (profileId, organization, image) =>
    call(async () => unwrap(await commands.syncRules(profileId, organization, image))),
  addSyncRule: (profileId, organization, image, rule) =>
    call(async () => void unwrap(await commands.addSyncRule(profileId, organization, image, rule))),
  deleteSyncRule: (profileId, organization, image, region, namespace) =>
    call(async () => void unwrap(await commands.deleteSyncRule(profileId, organization, image, region, namespace))),
  syncTags: (profileId, organization, image, tags, region, namespace, overwrite) =>
    call(
      async () =>
        void unwrap(await commands.syncTags(profileId, organization, image, { tags, region, namespace, overwrite })),
    ),
  syncJobs: (profileId, organization, image) =>
    call(async () => unwrap(await commands.syncJobs(profileId, organization, image))),
  syncGaps: (profileId, organization, image) =>
    call(async () => unwrap(await commands.syncGaps(profileId, organization, image))),
  queryJournal: (query) => call(async () => unwrap(await commands.queryJournal(query))),
  exportJournal: (query, format) => call(async () => unwrap(await commands.exportJournal(query, format))),
  uploadsView: () => call(() => commands.uploadsView()),
  pickUploadFiles: () => call(async () => void unwrap(await commands.pickUploadFiles())),
  setUploadTarget: (id, target) => call(async () => unwrap(await commands.setUploadTarget(id, target))),
  queueUploads: (ids) => call(async () => void unwrap(await commands.queueUploads(ids))),
  startUploads: () => call(async () => void unwrap(await commands.startUploads())),
  pauseUploads: () => call(async () => void unwrap(await commands.pauseUploads())),
  cancelUpload: (id) => call(async () => void unwrap(await commands.cancelUpload(id))),
  retryUpload: (id) => call(async () => void unwrap(await commands.retryUpload(id))),
  removeUpload: (id) => call(async () => void unwrap(await commands.removeUpload(id))),
  moveUpload: (id, position) => call(async () => void unwrap(await commands.moveUpload(id, position))),
  clearFinishedUploads: () => call(async () => void unwrap(await commands.clearFinishedUploads())),
  onFilesOpened: (cb) => events.filesOpened.listen((e) => { cb(e.payload); }),
  onDropHover: (cb) => events.dropHover.listen((e) => { cb(e.payload.active); }),
  onUploadsChanged: (cb) => events.uploadsChanged.listen((e) => { cb(e.payload); }),
  onValidationProgress: (cb) => events.validationProgress.listen((e) => { cb(e.payload); }),
  onUploadProgress: (cb) => events.uploadProgress.listen((e) => { cb(e.payload); }),
};

/** True inside the desktop app; false in a plain browser or under the test runner. */
export function runningInTauri(): boolean {
  return isTauri();
}

export { IpcProvider, useIpc } from "./context";
