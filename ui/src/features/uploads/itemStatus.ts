import type { UploadItemView } from "../../ipc";

export type ValidationStatus = "pending" | "running" | "valid" | "invalid";

export function validationStatus(item: UploadItemView): ValidationStatus {
  const v = item.validation;
  if (v.status !== "done") return v.status;
  return v.validation.findings.some((f) => f.severity === "error") ? "invalid" : "valid";
}

/** Why the item cannot be queued now, or null when it can. */
export function queueBlocker(item: UploadItemView): "validating" | "invalid" | "problems" | null {
  const status = validationStatus(item);
  if (status === "invalid") return "invalid";
  if (status !== "valid") return "validating";
  if (item.problems.length > 0) return "problems";
  return null;
}

/** A draft that can go into the queue as it is. */
export function isReady(item: UploadItemView): boolean {
  return item.state.state === "draft" && queueBlocker(item) === null;
}

/**
 * The item still needs the user or the queue: everything but pushed and cancelled (a draft waits
 * for its check or its target, a failed item for a retry or its removal).
 */
export function isUnfinished(item: UploadItemView): boolean {
  return item.state.state !== "done" && item.state.state !== "cancelled";
}

/** The word on the item's badge. */
export function badgeOf(item: UploadItemView): Exclude<UploadItemView["state"]["state"], "draft"> | "waitingCheck" | "checking" | "invalid" | "needsTarget" | "ready" {
  if (item.state.state !== "draft") return item.state.state;
  switch (validationStatus(item)) {
    case "pending":
      return "waitingCheck";
    case "running":
      return "checking";
    case "invalid":
      return "invalid";
    default:
      return item.problems.length > 0 ? "needsTarget" : "ready";
  }
}
