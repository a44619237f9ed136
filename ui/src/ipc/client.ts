// The client interface is derived from the generated `commands`: a command added, renamed or
// changed in Rust changes `IpcClient`, the Tauri client and every mock at compile time, and its
// documentation is the Rust doc comment. Only the events are written here.

import {
  commands,
  events,
  type ErrorCode,
  type FilesOpened,
  type IpcError,
  type Result,
  type UploadEvent,
  type UploadsChanged,
  type ValidationProgress,
} from "./bindings";

type Commands = typeof commands;
type Answer<K extends keyof Commands> = Awaited<ReturnType<Commands[K]>>;

/** What a command resolves with once its `Result` is unwrapped; a `null` success is nothing. */
// eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- a command with nothing to answer resolves as a `Promise<void>`
type Unwrapped<R> = [R] extends [Result<infer T, IpcError>] ? ([T] extends [null] ? void : T) : R;

/** Every backend command: resolves with its data or rejects with `CommandError`. */
export type CommandClient = {
  [K in keyof Commands]: (...args: Parameters<Commands[K]>) => Promise<Unwrapped<Answer<K>>>;
};

/** Stops listening to an event. */
export type Unlisten = () => void;

/** The backend's events, each with a callback that gets its payload. */
export interface EventClient {
  /** The window was asked to close while the upload item `item` is being pushed. */
  onCloseWhilePushing: (cb: (item: number) => void) => Promise<Unlisten>;
  /** Files were dropped, picked or given on the command line. */
  onFilesOpened: (cb: (event: FilesOpened) => void) => Promise<Unlisten>;
  /** Files are dragged over the window (`true`) or no longer are. */
  onDropHover: (cb: (active: boolean) => void) => Promise<Unlisten>;
  /** The upload list changed: read `uploadsView` again. */
  onUploadsChanged: (cb: (event: UploadsChanged) => void) => Promise<Unlisten>;
  onValidationProgress: (cb: (event: ValidationProgress) => void) => Promise<Unlisten>;
  /** What the item being pushed is doing, about ten times a second. */
  onUploadProgress: (cb: (event: UploadEvent) => void) => Promise<Unlisten>;
  /** A push changed a profile's image index: its lists and counts are to be read again. */
  onImagesChanged: (cb: (profileId: string) => void) => Promise<Unlisten>;
}

/** The backend as the UI sees it. */
export type IpcClient = CommandClient & EventClient;

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

// The generated commands answer either plainly or with a `Result`; at run time the two are told
// apart by the `Result` shape. No plain answer may look like one, which this line checks.
type PlainAnswer = { [K in keyof Commands]: [Answer<K>] extends [Result<unknown, IpcError>] ? never : Answer<K> }[keyof Commands];
type Expect<T extends true> = T;
export type PlainAnswersHaveNoStatus = Expect<[Extract<PlainAnswer, { status: unknown }>] extends [never] ? true : false>;

function settle(answer: unknown): unknown {
  if (typeof answer !== "object" || answer === null || !("status" in answer)) return answer;
  const result = answer as Result<unknown, IpcError>;
  if (result.status === "error") throw new CommandError(result.error);
  return result.data;
}

function commandClient(): CommandClient {
  const wrapped: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  for (const [name, run] of Object.entries(commands) as [string, (...args: unknown[]) => Promise<unknown>][]) {
    wrapped[name] = async (...args) => {
      try {
        return settle(await run(...args));
      } catch (reason) {
        throw toCommandError(reason);
      }
    };
  }
  return wrapped as CommandClient;
}

/** The client backed by the real Tauri commands and events. */
export const tauriClient: IpcClient = {
  ...commandClient(),
  onCloseWhilePushing: (cb) => events.closeWhilePushing.listen((e) => { cb(e.payload.item); }),
  onFilesOpened: (cb) => events.filesOpened.listen((e) => { cb(e.payload); }),
  onDropHover: (cb) => events.dropHover.listen((e) => { cb(e.payload.active); }),
  onUploadsChanged: (cb) => events.uploadsChanged.listen((e) => { cb(e.payload); }),
  onValidationProgress: (cb) => events.validationProgress.listen((e) => { cb(e.payload); }),
  onUploadProgress: (cb) => events.uploadProgress.listen((e) => { cb(e.payload); }),
  onImagesChanged: (cb) => events.imagesChanged.listen((e) => { cb(e.payload.profileId); }),
};
