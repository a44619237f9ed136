// Helpers for the Uploads tests: an app on the mock backend with one profile, and ways to find
// an item and aim it without going through the form.

import { act, screen, waitFor, within } from "@testing-library/react";

import type { Finding, IgnoredFile, TargetInput } from "../../ipc";
import { mockImage, mockValidation, mockViolation, type MockBackend, type MockFile } from "../../ipc/mock";
import { renderApp, type RenderAppOptions } from "../../test/renderApp";

export const REGISTRY = "swr.cn-north-4.myhuaweicloud.com";

/** The values the Uploads tests break SWR's rules with, worded as the backend words them. */
export const UPLOAD_RULES: NonNullable<RenderAppOptions["valueRules"]> = [
  {
    kind: "organization",
    value: "New_Team",
    violation: mockViolation(
      "namespace",
      "namespace.uppercase",
      "New_Team",
      "Organization name must be lower case; write 'new_team'.",
      "组织名称只能使用小写字母，请改为“new_team”。",
    ),
  },
  {
    kind: "tag",
    value: "v@2",
    violation: mockViolation(
      "tag",
      "tag.charset",
      "v@2",
      "A tag may only contain letters, digits, '_', '.' and '-'; remove '@'.",
      "镜像版本只能包含字母、数字、“_”、“.”和“-”，请删除 '@'。",
    ),
  },
];

export function renderUploads(options: RenderAppOptions = {}) {
  return renderApp({
    path: "/uploads",
    profile: { id: "p1", name: "production", region: "cn-north-4" },
    valueRules: UPLOAD_RULES,
    ...options,
  });
}

/** Adds files as a drop would, inside `act` since it emits events. */
export function addFiles(backend: MockBackend, files: MockFile[], ignored: IgnoredFile[] = []): number[] {
  let ids: number[] = [];
  act(() => {
    ids = backend.uploads.addFiles(files, ignored);
  });
  return ids;
}

/** Runs a step of the mock queue inside `act`. */
export function drive(run: () => void): void {
  act(run);
}

export async function aim(backend: MockBackend, id: number, target: Partial<TargetInput> = {}) {
  await act(async () => {
    await backend.setUploadTarget(id, { profileId: "p1", organization: "team-a", images: [], compress: true, ...target });
  });
}

export async function findItem(file: string): Promise<HTMLElement> {
  return waitFor(() => {
    const item = screen.getAllByTestId("upload-item").find((el) => el.dataset["file"] === file);
    if (!item) throw new Error(`no item for ${file}`);
    return item;
  });
}

export function inItem(item: HTMLElement) {
  return within(item);
}

export function invalidArchive(file: string, findings: Partial<Finding>[]) {
  return mockValidation(
    file,
    [],
    findings.map((f) => ({
      severity: "error",
      rule: "archive.unreadable",
      file,
      entry: null,
      message: "The archive ends in the middle of an entry.",
      advice: "Save the image again; the file was cut short.",
      ...f,
    })),
  );
}

/** The element at `index`, failing the test when there is none. */
export function at<T>(list: T[], index: number): T {
  const value = list[index];
  if (value === undefined) throw new Error(`nothing at ${index}`);
  return value;
}

export { mockImage, mockValidation };
