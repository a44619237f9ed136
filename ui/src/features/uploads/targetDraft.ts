// The target form's values. They are the user's while typing: sent to the backend 250 ms after
// the last change (it answers with the problems and the preview), and flushed at once before
// the item is queued so the queue never takes a stale target.

import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";

import { useIpc, type CommandError, type TargetInput, type UploadItemView } from "../../ipc";
import { useReplaceItem } from "./queries";

export interface TargetDraft {
  profileId: string;
  organization: string;
  /** Per image: its name, and its tags as typed (separated by commas or spaces). */
  images: { name: string; tags: string }[];
  compress: boolean;
}

export const TARGET_DEBOUNCE_MS = 250;

/** The tags a user typed: separated by commas or white space, empty ones dropped. */
export function splitTags(text: string): string[] {
  return text.split(/[\s,]+/).filter((t) => t !== "");
}

function fromItem(item: UploadItemView): TargetDraft {
  return {
    profileId: item.profileId ?? "",
    organization: item.organization ?? "",
    images: item.images.map((i) => ({ name: i.name ?? "", tags: i.tags.join(", ") })),
    compress: item.compress,
  };
}

function toInput(draft: TargetDraft): TargetInput {
  const orNull = (s: string) => (s.trim() === "" ? null : s.trim());
  return {
    profileId: orNull(draft.profileId),
    organization: orNull(draft.organization),
    images: draft.images.map((image, index) => ({ index, name: orNull(image.name), tags: splitTags(image.tags) })),
    compress: draft.compress,
  };
}

export function useTargetDraft(item: UploadItemView) {
  const client = useIpc();
  const replace = useReplaceItem();
  const [draft, setDraft] = useState(() => fromItem(item));
  const pending = useRef<TargetDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = useMutation<UploadItemView, CommandError, TargetDraft>({
    mutationFn: (next) => client.setUploadTarget(item.id, toInput(next)),
    onSuccess: replace,
  });
  const { mutateAsync } = save;

  const flush = async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (next !== null) await mutateAsync(next);
  };
  const flushRef = useRef(flush);
  useEffect(() => {
    flushRef.current = flush;
  });
  useEffect(
    () => () => {
      void flushRef.current().catch(() => undefined);
    },
    [],
  );

  const change = (patch: Partial<TargetDraft>) => {
    const next = { ...(pending.current ?? draft), ...patch };
    setDraft(next);
    pending.current = next;
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void flush().catch(() => undefined);
    }, TARGET_DEBOUNCE_MS);
  };

  return { draft, change, flush, error: save.error };
}

export type TargetDraftState = ReturnType<typeof useTargetDraft>;
