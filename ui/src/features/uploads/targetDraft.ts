// The target form of an upload item, a form like every other of the console, with one
// difference: it is never sent. Its values are the user's while typing and are saved to the
// backend 250 ms after the last change, then flushed at once before the item is queued, so the
// queue never takes a stale target. The backend answers with the item's plan: the preview, and
// the problems of the saved target, which the form shows on their fields.

import { useMutation } from "@tanstack/react-query";
import { useEffect, useMemo, useRef } from "react";
import { set, useForm, type FieldErrors } from "react-hook-form";

import { fromViolation, toFieldError, type Problem } from "../../components/form/problem";
import { useHandler } from "../../components/useHandler";
import { useIpc, type CommandError, type TargetInput, type TargetProblem, type UploadItemView } from "../../ipc";
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

/** The field of the form each of the plan's general fields is about. */
const GENERAL_FIELDS: Partial<Record<string, "profileId" | "organization">> = {
  profile: "profileId",
  credentials: "profileId",
  organization: "organization",
  namespace: "organization",
};

/** The field of an image each of the plan's image fields is about. */
const IMAGE_FIELDS: Partial<Record<string, "name" | "tags">> = { repository: "name", tag: "tags" };

/**
 * The plan's problems as the form's errors: each on its field, several on one field in the
 * plan's order, and those about no field (an image's other problems) on the form's root.
 */
export function targetErrors(problems: TargetProblem[]): FieldErrors<TargetDraft> {
  const byField = new Map<string, Problem[]>();
  // A field the backend names is looked up among the maps' own keys only (not `constructor`).
  const own = <T>(map: Partial<Record<string, T>>, key: string) => (Object.hasOwn(map, key) ? map[key] : undefined);
  for (const { image, violation } of problems) {
    const imageField = own(IMAGE_FIELDS, violation.field);
    const field =
      image === null
        ? own(GENERAL_FIELDS, violation.field)
        : imageField === undefined
          ? undefined
          : `images.${String(image)}.${imageField}`;
    const key = field ?? "root";
    byField.set(key, [...(byField.get(key) ?? []), fromViolation(violation)]);
  }
  const errors: FieldErrors<TargetDraft> = {};
  for (const [key, [first, ...more]] of byField) {
    if (first !== undefined) set(errors, key, toFieldError(first, ...more));
  }
  return errors;
}

export function useTargetDraft(item: UploadItemView) {
  const client = useIpc();
  const replace = useReplaceItem();
  const errors = useMemo(() => targetErrors(item.problems), [item.problems]);
  // The form starts from the saved target and keeps the user's values after that; the saved
  // item brings the problems. Nothing here is sent, so no problem takes the focus.
  const form = useForm<TargetDraft>({ defaultValues: fromItem(item), errors, shouldFocusError: false });
  const pending = useRef<TargetDraft | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const save = useMutation<UploadItemView, CommandError, TargetDraft>({
    mutationFn: (next) => client.setUploadTarget(item.id, toInput(next)),
    onSuccess: replace,
  });
  const { mutateAsync } = save;

  const flush = useHandler(async () => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    if (next !== null) await mutateAsync(next);
  });
  // A change still waiting is saved when the form goes away, as when the user opens another screen.
  useEffect(
    () => () => {
      void flush().catch(() => undefined);
    },
    [flush],
  );

  // Every change of a value, typed or chosen, waits for the user to pause, then saves.
  useEffect(
    () =>
      form.subscribe({
        formState: { values: true },
        callback: () => {
          pending.current = structuredClone(form.getValues());
          if (timer.current !== null) clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            void flush().catch(() => undefined);
          }, TARGET_DEBOUNCE_MS);
        },
      }),
    [form, flush],
  );

  return { form, flush, error: save.error };
}

export type TargetDraftState = ReturnType<typeof useTargetDraft>;
