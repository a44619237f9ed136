// What the in-memory upload manager is given: files, their validation reports and the
// organizations an account can push to, as fixtures for tests and the browser preview.

import type { Finding, ImageReport, OrganizationOption, Validation } from "./index";

/** A file handed to the mock app. */
export interface MockFile {
  name: string;
  size?: number;
  /** Defaults to a valid archive with one image tagged `<name without extension>:latest`. */
  validation?: Validation | "pending" | { done: number; total: number };
}

export const DEFAULT_ORGANIZATIONS: OrganizationOption[] = [
  { name: "team-a", permission: 7, canPush: true },
  { name: "team-b", permission: 3, canPush: true },
  { name: "audit", permission: 1, canPush: false },
];

/** An image of a report, with plausible sizes and one layer. */
export function mockImage(references: string[], extra: Partial<ImageReport> = {}): ImageReport {
  return {
    references,
    config_digest: "sha256:" + "c".repeat(64),
    platform: { os: "linux", architecture: "amd64" },
    created: "2024-05-01T10:00:00Z",
    entrypoint: null,
    cmd: ["/app"],
    user: null,
    working_dir: null,
    exposed_ports: [],
    labels: {},
    env_names: [],
    healthcheck: false,
    layers: [
      {
        diff_id: "sha256:" + "a".repeat(64),
        entry: "blobs/sha256/aaaa",
        compression: "gzip",
        stored_size: 3_000_000,
        uncompressed_size: 7_500_000,
        entries: 120,
      },
    ],
    stored_size: 3_000_000,
    uncompressed_size: 7_500_000,
    efficiency: null,
    hints: [],
    ...extra,
  };
}

/** A validation report of `images` with `findings`. */
export function mockValidation(file: string, images: ImageReport[], findings: Finding[] = []): Validation {
  return {
    file,
    findings,
    report: {
      format: "docker-archive",
      compression: "none",
      file_size: images.reduce((n, i) => n + i.stored_size, 0),
      images,
    },
  };
}

