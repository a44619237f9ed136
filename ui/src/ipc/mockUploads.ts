// The upload manager of the in-memory backend: the list, its targets with the same problems the
// Rust side reports, and a queue that tests drive one event at a time (`begin`, `progress`,
// `finish`, `fail`…) instead of a timer, so every state can be shown on purpose.

import type {
  FailureKind,
  FilesOpened,
  IgnoredFile,
  ImageTarget,
  IpcClient,
  ItemState,
  LayerProgress,
  OrganizationOption,
  RuleViolation,
  Step,
  TargetInput,
  TargetProblem,
  UploadEvent,
  UploadItemView,
  UploadsView,
  Validation,
  ValidationProgress,
  ValidationState,
} from "./index";
import { CommandError } from "./index";
import type { MockRules } from "./mockRules";
import { DEFAULT_ORGANIZATIONS, mockImage, mockValidation, type MockFile } from "./mockUploadData";

export { DEFAULT_ORGANIZATIONS, mockImage, mockValidation, type MockFile } from "./mockUploadData";

type Progress = Extract<UploadEvent, { event: "progress" }>;

/** Test controls of the mock upload manager. */
export interface MockUploads {
  readonly items: readonly UploadItemView[];
  /** Adds files as a drop would: emits `filesOpened` (with `ignored`) and `uploadsChanged`. */
  addFiles(files: MockFile[], ignored?: IgnoredFile[]): number[];
  /** As after an app restart: pushed items keep their state but their files are not read again. */
  restart(): void;
  validationProgress(id: number, done: number, total: number): void;
  finishValidation(id: number, validation?: Validation): void;
  /** The queue takes `id` (default: the first queued item) and emits `started`. */
  begin(id?: number): number;
  step(id: number, step: Step, reference?: string | null): void;
  progress(id: number, progress: Partial<Omit<Progress, "event" | "item">>): void;
  waiting(id: number, kind: FailureKind, message: string, retryInSecs: number): void;
  /** Pushed; `pushed` defaults to each preview reference with a digest. */
  finish(id: number, pushed?: string[]): void;
  fail(id: number, kind: FailureKind, message: string, transient?: boolean): void;
  /** Marks items as interrupted by the last close and put back in the queue. */
  resume(ids: number[]): void;
  dropHover(active: boolean): void;
  /** Organizations by profile id, as SWR lists them. */
  readonly organizations: Map<string, OrganizationOption[]>;
}

export interface UploadsProfiles {
  exists(id: string): boolean;
  registry(id: string): string | undefined;
  active(): string | undefined;
}

type Listener<T> = (value: T) => void;

interface Item {
  id: number;
  name: string;
  size: number;
  profileId: string | null;
  organization: string | null;
  compress: boolean;
  state: ItemState;
  validation: ValidationState;
  overrides: Map<number, { name: string | null; tags: string[] }>;
  resumed: boolean;
}

function violation(field: string, rule: string, value: string, en: string, zhCn: string): RuleViolation {
  return { field, rule, value, message: { en, zhCn } };
}

/** `[registry/][org/]name[:tag]` → its last path part and tag; a bare word is a tag only. */
function splitNameTag(reference: string): [string | null, string | null] {
  const colon = reference.lastIndexOf(":");
  const hasTag = colon >= 0 && !reference.slice(colon + 1).includes("/");
  const path = hasTag ? reference.slice(0, colon) : reference;
  const tag = hasTag ? reference.slice(colon + 1) : null;
  if (tag === null && !reference.includes("/")) return [null, reference];
  const name = path.split("/").pop() ?? "";
  return [name === "" ? null : name, tag];
}

function fail(code: "invalidInput" | "notFound", message: string): Promise<never> {
  return Promise.reject(new CommandError({ code, message, requestId: null, retryable: false, violation: null, advice: null }));
}

type UploadsClient = Pick<
  IpcClient,
  | "copyText"
  | "listOrganizations"
  | "createOrganization"
  | "uploadsView"
  | "pickUploadFiles"
  | "setUploadTarget"
  | "queueUploads"
  | "startUploads"
  | "pauseUploads"
  | "cancelUpload"
  | "retryUpload"
  | "removeUpload"
  | "moveUpload"
  | "clearFinishedUploads"
  | "onFilesOpened"
  | "onDropHover"
  | "onUploadsChanged"
  | "onValidationProgress"
  | "onUploadProgress"
  | "onImagesChanged"
>;

export function createMockUploads(
  profiles: UploadsProfiles,
  options: { organizations?: OrganizationOption[]; rules: MockRules; setClipboard: (text: string) => void },
): { client: UploadsClient; control: MockUploads } {
  const items: Item[] = [];
  const organizations = new Map<string, OrganizationOption[]>();
  const orgsOf = (profileId: string) => {
    let list = organizations.get(profileId);
    if (!list) {
      list = (options.organizations ?? DEFAULT_ORGANIZATIONS).map((o) => ({ ...o }));
      organizations.set(profileId, list);
    }
    return list;
  };
  let nextId = 1;
  let running = false;
  let current: number | null = null;

  const listeners = {
    filesOpened: new Set<Listener<FilesOpened>>(),
    dropHover: new Set<Listener<boolean>>(),
    changed: new Set<Listener<undefined>>(),
    validation: new Set<Listener<ValidationProgress>>(),
    progress: new Set<Listener<UploadEvent>>(),
    imagesChanged: new Set<Listener<string>>(),
  };
  const emit = <T>(set: Set<Listener<T>>, value: T) => {
    for (const listener of [...set]) listener(value);
  };
  const subscribe = <T>(set: Set<Listener<T>>, listener: Listener<T>) => {
    set.add(listener);
    return Promise.resolve(() => {
      set.delete(listener);
    });
  };
  const changed = () => {
    emit(listeners.changed, undefined);
  };
  // The latest step, progress and wait of the item being pushed, as the backend keeps them.
  let live: UploadEvent[] = [];
  const uploadEvent = (event: UploadEvent) => {
    if (event.event === "step" || event.event === "progress" || event.event === "waiting") {
      live = [...live.filter((e) => e.event !== event.event && (event.event === "waiting" || e.event !== "waiting")), event];
    } else {
      live = [];
    }
    emit(listeners.progress, event);
  };

  const find = (id: number) => items.find((i) => i.id === id);
  const must = (id: number) => {
    const item = find(id);
    if (!item) throw new Error(`no upload item ${id}`);
    return item;
  };

  const plan = (item: Item): { images: ImageTarget[]; problems: TargetProblem[] } => {
    const problems: TargetProblem[] = [];
    const general = (field: string, rule: string, en: string, zh: string) => {
      problems.push({ image: null, violation: violation(field, rule, "", en, zh) });
    };
    const registry = item.profileId !== null ? profiles.registry(item.profileId) : undefined;
    if (registry === undefined) {
      general("profile", "profile.required", "Choose the profile to push with.", "请选择用于上传的配置。");
    }
    if (item.organization === null) {
      general("organization", "organization.required", "Choose the organization to push into.", "请选择要上传到的组织。");
    } else {
      const v = options.rules.broken("organization", item.organization);
      if (v) problems.push({ image: null, violation: v });
    }
    const reports = item.validation.status === "done" ? item.validation.validation.report.images : [];
    const images = reports.map((report, index): ImageTarget => {
      const own = item.overrides.get(index);
      const [sourceName] = report.references[0] ? splitNameTag(report.references[0]) : [null];
      const name = own?.name ?? sourceName;
      const archiveTags = [...new Set(report.references.map((r) => splitNameTag(r)[1]).filter((t) => t !== null))];
      const tags = own !== undefined && own.tags.length > 0 ? own.tags : archiveTags.length > 0 ? archiveTags : ["latest"];
      const found = [
        name === null
          ? violation("repository", "repository.required", "", "This image has no tag in the archive: give it a name.", "此镜像在归档中没有标签：请为它命名。")
          : options.rules.broken("image", name),
        ...tags.map((tag) => options.rules.broken("tag", tag)),
      ].filter((v) => v !== null);
      for (const v of found) problems.push({ image: index, violation: v });
      const references =
        found.length === 0 && registry !== undefined && item.organization !== null && name !== null
          ? tags.map((tag) => `${registry}/${item.organization}/${name}:${tag}`)
          : [];
      return { index, sourceReferences: report.references, name, tags, overridden: own !== undefined, references };
    });
    return { images, problems };
  };

  const view = (item: Item): UploadItemView => {
    const { images, problems } = plan(item);
    return {
      id: item.id,
      file: `/home/user/images/${item.name}`,
      fileName: item.name,
      fileSize: item.size,
      profileId: item.profileId,
      registry: item.profileId !== null ? (profiles.registry(item.profileId) ?? null) : null,
      organization: item.organization,
      compress: item.compress,
      state: structuredClone(item.state),
      validation: structuredClone(item.validation),
      images,
      problems,
      resumed: item.resumed,
      confirmedBlobs: 0,
    };
  };

  const validationOf = (file: MockFile): ValidationState => {
    const v = file.validation;
    if (v === "pending") return { status: "pending" };
    if (v === undefined) {
      const stem = file.name.replace(/\.(tar(\.gz|\.zst)?|tgz)$/, "");
      return { status: "done", validation: mockValidation(file.name, [mockImage([`${stem}:latest`])]) };
    }
    if ("done" in v && "total" in v) return { status: "running", done: v.done, total: v.total };
    return { status: "done", validation: v };
  };

  const add = (files: MockFile[], ignored: IgnoredFile[] = []) => {
    const ids = files.map((file) => {
      const item: Item = {
        id: nextId++,
        name: file.name,
        size: file.size ?? 3_000_000,
        profileId: profiles.active() ?? null,
        organization: null,
        compress: true,
        state: { state: "draft" },
        validation: validationOf(file),
        overrides: new Map(),
        resumed: false,
      };
      items.push(item);
      return item.id;
    });
    emit(listeners.filesOpened, { ids, ignored });
    changed();
    return ids;
  };

  const queueable = (item: Item): string | null => {
    if (item.validation.status !== "done") return `${item.name} is still being checked; queue it when its report is ready`;
    const errors = item.validation.validation.findings.filter((f) => f.severity === "error");
    if (errors.length > 0) return `${item.name} is not a valid image archive: ${errors.map((f) => f.message).join("; ")}`;
    const problem = plan(item).problems[0];
    if (problem) return `${item.name}: ${problem.violation.message.en}`;
    return null;
  };

  const settle = (id: number, state: ItemState) => {
    const item = must(id);
    item.state = state;
    item.resumed = false;
    if (current === id) current = null;
    changed();
  };

  const control: MockUploads = {
    get items() {
      return items.map(view);
    },
    organizations,
    addFiles: add,
    validationProgress: (id, done, total) => {
      must(id).validation = { status: "running", done, total };
      emit(listeners.validation, { item: id, done, total });
    },
    finishValidation: (id, validation) => {
      const item = must(id);
      item.validation = validationOf({ name: item.name, validation });
      changed();
    },
    begin: (id) => {
      const item = id !== undefined ? must(id) : items.find((i) => i.state.state === "queued");
      if (!item) throw new Error("nothing is queued");
      item.state = { state: "running" };
      current = item.id;
      uploadEvent({ event: "started", item: item.id, file: item.name });
      changed();
      return item.id;
    },
    step: (id, step, reference = null) => {
      uploadEvent({ event: "step", item: id, step, reference });
    },
    progress: (id, p) => {
      const layers: LayerProgress[] = p.layers ?? [];
      uploadEvent({
        event: "progress",
        item: id,
        done: p.done ?? 0,
        total: p.total ?? must(id).size,
        bytesPerSec: p.bytesPerSec ?? 0,
        etaSecs: p.etaSecs ?? null,
        currentLayer: p.currentLayer ?? null,
        skipped: p.skipped ?? 0,
        layers,
      });
    },
    waiting: (id, kind, message, retryInSecs) => {
      uploadEvent({ event: "waiting", item: id, kind, message, retryInSecs });
    },
    finish: (id, pushed) => {
      const refs = pushed ?? plan(must(id)).images.flatMap((i) => i.references.map((r) => `${r}@sha256:${"d".repeat(64)}`));
      uploadEvent({ event: "finished", item: id, pushed: refs });
      settle(id, { state: "done", pushed: refs });
      // As the backend does once its image index has taken the push in.
      const profileId = must(id).profileId;
      if (profileId !== null) emit(listeners.imagesChanged, profileId);
    },
    fail: (id, kind, message, transient = false) => {
      uploadEvent({ event: "failed", item: id, message, kind, transient });
      settle(id, { state: "failed", message, kind, transient });
    },
    resume: (ids) => {
      for (const id of ids) {
        const item = must(id);
        item.resumed = true;
        item.state = { state: "queued" };
      }
      running = true;
      changed();
    },
    restart: () => {
      for (const item of items) {
        if (item.state.state === "done") item.validation = { status: "pending" };
      }
      changed();
    },
    dropHover: (active) => {
      emit(listeners.dropHover, active);
    },
  };

  const client: UploadsClient = {
    copyText: (text) => {
      options.setClipboard(text);
      return Promise.resolve();
    },
    listOrganizations: (profileId) => {
      if (!profiles.exists(profileId)) return fail("notFound", `no profile with id ${profileId}`);
      return Promise.resolve(orgsOf(profileId).map((o) => ({ ...o })));
    },
    createOrganization: (profileId, name) => {
      if (!profiles.exists(profileId)) return fail("notFound", `no profile with id ${profileId}`);
      const v = options.rules.broken("organization", name);
      if (v) return Promise.reject(new CommandError({ code: "invalidInput", message: v.message.en, requestId: null, retryable: false, violation: v, advice: null }));
      const list = orgsOf(profileId);
      if (list.some((o) => o.name === name)) return fail("invalidInput", `the organization ${name} already exists`);
      list.push({ name, permission: 7, canPush: true });
      return Promise.resolve();
    },
    uploadsView: () =>
      Promise.resolve({
        items: items.map(view),
        running,
        current,
        resumed: items.filter((i) => i.resumed).map((i) => i.id),
        live,
      } satisfies UploadsView),
    pickUploadFiles: () => {
      add([{ name: "demo-app.tar", size: 48_000_000 }]);
      return Promise.resolve();
    },
    setUploadTarget: (id, target: TargetInput) => {
      const item = find(id);
      if (!item) return fail("notFound", `no upload item ${id}`);
      if (["queued", "running", "done"].includes(item.state.state)) {
        return fail("invalidInput", "this upload is queued or done; cancel it before changing where it goes");
      }
      const clean = (v: string | null) => (v === null || v.trim() === "" ? null : v.trim());
      item.profileId = clean(target.profileId);
      item.organization = clean(target.organization);
      item.compress = target.compress;
      item.overrides = new Map();
      for (const image of target.images) {
        const name = clean(image.name);
        const tags = [...new Set(image.tags.map((t) => t.trim()).filter((t) => t !== ""))];
        if (name !== null || tags.length > 0) item.overrides.set(image.index, { name, tags });
      }
      changed();
      return Promise.resolve(view(item));
    },
    queueUploads: (ids) => {
      for (const id of ids) {
        const item = find(id);
        if (!item) return fail("notFound", `no upload item ${id}`);
        const refusal = queueable(item);
        if (refusal !== null) return fail("invalidInput", refusal);
      }
      for (const id of ids) {
        const item = must(id);
        if (["draft", "failed", "cancelled"].includes(item.state.state)) item.state = { state: "queued" };
      }
      running = true;
      changed();
      return Promise.resolve();
    },
    startUploads: () => {
      running = true;
      changed();
      return Promise.resolve();
    },
    pauseUploads: () => {
      running = false;
      changed();
      return Promise.resolve();
    },
    cancelUpload: (id) => {
      const item = find(id);
      if (!item) return fail("notFound", `no upload item ${id}`);
      if (current === id) {
        uploadEvent({ event: "cancelled", item: id });
        settle(id, { state: "cancelled" });
      } else if (["draft", "queued", "running"].includes(item.state.state)) {
        settle(id, { state: "cancelled" });
      }
      return Promise.resolve();
    },
    retryUpload: (id) => {
      const item = find(id);
      if (!item) return fail("notFound", `no upload item ${id}`);
      if (item.state.state !== "failed" && item.state.state !== "cancelled") {
        return fail("invalidInput", "only a failed or cancelled upload can be tried again");
      }
      return client.queueUploads([id]);
    },
    removeUpload: (id) => {
      if (current === id) return fail("invalidInput", "this upload is being pushed; cancel it before removing it");
      const at = items.findIndex((i) => i.id === id);
      if (at < 0) return fail("notFound", `no upload item ${id}`);
      items.splice(at, 1);
      changed();
      return Promise.resolve();
    },
    moveUpload: (id, position) => {
      const at = items.findIndex((i) => i.id === id);
      if (at < 0) return fail("notFound", `no upload item ${id}`);
      const [item] = items.splice(at, 1);
      if (item) items.splice(Math.min(position, items.length), 0, item);
      changed();
      return Promise.resolve();
    },
    clearFinishedUploads: () => {
      for (let i = items.length - 1; i >= 0; i--) {
        const state = items[i]?.state.state;
        if (state === "done" || state === "failed" || state === "cancelled") items.splice(i, 1);
      }
      changed();
      return Promise.resolve();
    },
    onFilesOpened: (cb) => subscribe(listeners.filesOpened, cb),
    onDropHover: (cb) => subscribe(listeners.dropHover, cb),
    onUploadsChanged: (cb) => subscribe(listeners.changed, () => { cb({}); }),
    onValidationProgress: (cb) => subscribe(listeners.validation, cb),
    onUploadProgress: (cb) => subscribe(listeners.progress, cb),
    onImagesChanged: (cb) => subscribe(listeners.imagesChanged, cb),
  };

  return { client, control };
}
