// Browsing on the in-memory backend. It serves the fixtures a test gives, as they are: it does not
// filter, sort, read version ranges or work out which tags share an image, because those rules
// live in Rust and a second copy here would only test itself. It slices windows, remembers what
// the UI asked for, and answers deletions and copies from fixtures.

import type {
  CopyOutcome,
  DeletionOutcome,
  DeletionPlan,
  ImageOverview,
  ImageQuery,
  ImageRow,
  Inspection,
  PlatformName,
  IpcClient,
  IpcError,
  OrganizationOption,
  OrganizationRow,
  PullCommand,
  TagQuery,
  TagRow,
} from "./index";
import { CommandError } from "./index";

export interface MockBrowseOptions {
  /** The image index, served in this order whatever the query. */
  images?: ImageRow[];
  /** Tags by `org/name`, served in this order whatever the query. */
  tags?: Record<string, TagRow[]>;
  /** What `queryTags` reports for a filter it cannot read, by the filter text. */
  filterProblems?: Record<string, string>;
  /** Inspections by reference (tag or digest); an image's tag without one gets a one-platform default. */
  inspections?: Record<string, Inspection>;
  /** Platforms by digest, or why they cannot be read; a digest of the image's tags without one is linux/amd64. */
  platforms?: Record<string, PlatformName[] | { problem: string }>;
  /** Answer of `planTagDeletion`; by default each reference is one tag that goes with its image. */
  deletionPlan?: DeletionPlan;
  /** Answer of `deleteTags`; by default every tag is deleted. */
  deletionOutcome?: DeletionOutcome;
  /** Answer of `copyTag` besides the source and target it was given. */
  copyOutcome?: Partial<Omit<CopyOutcome, "source" | "target">>;
  /** `deleteOrganization` refuses these organizations with this error. */
  organizationRefusals?: Record<string, IpcError>;
  /** What `sharedWithMe` answers, in this order; their pages open like those of the index. */
  sharedWithMe?: ImageRow[];
}

/** What the UI asked of the browsing commands, oldest first. */
export interface MockBrowseCalls {
  loadImageIndex: { profileId: string; refresh: boolean }[];
  queryImages: { query: ImageQuery; offset: number; limit: number }[];
  queryTags: { organization: string; image: string; query: TagQuery; offset: number; limit: number }[];
  loadTags: { organization: string; image: string; refresh: boolean }[];
  inspectTag: string[];
  tagPlatforms: string[][];
  planTagDeletion: string[][];
  deleteTags: string[][];
  copyTag: { source: string; target: string }[];
  deleteOrganization: string[];
}

export interface MockBrowse {
  readonly calls: MockBrowseCalls;
  /** The latest query of `queryImages`, or undefined before the first. */
  readonly lastImageQuery: ImageQuery | undefined;
  readonly lastTagQuery: TagQuery | undefined;
}

export interface BrowseProfiles {
  exists(id: string): boolean;
  registry(id: string): string | undefined;
  organizations(id: string): Promise<OrganizationOption[]>;
  removeOrganization(id: string, name: string): void;
}

type BrowseClient = Pick<
  IpcClient,
  | "loadImageIndex"
  | "queryImages"
  | "imageOverview"
  | "loadTags"
  | "queryTags"
  | "inspectTag"
  | "tagPlatforms"
  | "planTagDeletion"
  | "deleteTags"
  | "copyTag"
  | "listOrganizationRows"
  | "deleteOrganization"
  | "sharedWithMe"
>;

const HEX = "0123456789abcdef";

/** A digest made of one repeated hex digit, easy to tell apart in tests. */
export function mockDigest(seed: number): string {
  return "sha256:" + (HEX[seed % 16] ?? "0").repeat(64);
}

/** An index row with plausible values. */
export function mockImageRow(organization: string, name: string, extra: Partial<ImageRow> = {}): ImageRow {
  return {
    organization,
    name,
    category: "app_server",
    isPublic: false,
    tagCount: 2,
    size: 52_000_000,
    downloads: 14,
    updated: "2024-05-02T08:30:00Z",
    description: "",
    ...extra,
  };
}

export function mockTagRow(tag: string, extra: Partial<TagRow> = {}): TagRow {
  return {
    tag,
    digest: mockDigest(tag.length),
    size: 26_000_000,
    pushed: "2024-05-02T08:30:00Z",
    isIndex: false,
    siblings: [],
    ...extra,
  };
}

/** The commands of the five tools for `reference` (`registry/org/name:tag`) and its digest form. */
export function mockPullCommands(reference: string, byDigest: string | null): PullCommand[] {
  const line = (tool: PullCommand["tool"], render: (ref: string) => string): PullCommand => ({
    tool,
    byTag: render(reference),
    byDigest: byDigest === null ? null : render(byDigest),
  });
  return [
    line("docker", (r) => `docker pull ${r}`),
    line("containerd", (r) => `ctr image pull ${r}`),
    line("nerdctl", (r) => `nerdctl pull ${r}`),
    line("podman", (r) => `podman pull ${r}`),
    line("kubernetes", (r) => `image: ${r}`),
  ];
}

/** A one-platform inspection with a layer, a config and its history. */
export function mockInspection(reference: string, digest: string, extra: Partial<Inspection> = {}): Inspection {
  return {
    reference,
    digest,
    media_type: "application/vnd.oci.image.manifest.v1+json",
    is_index: false,
    platforms: [
      {
        os: "linux",
        architecture: "amd64",
        variant: null,
        digest,
        config_digest: mockDigest(12),
        size: 26_000_000,
        layers: [
          {
            digest: mockDigest(10),
            size: 26_000_000,
            media_type: "application/vnd.oci.image.layer.v1.tar+gzip",
            created_by: "COPY app /app # buildkit",
          },
        ],
        config: {
          entrypoint: ["/app"],
          cmd: ["--serve"],
          env: ["PATH=/usr/bin"],
          labels: [{ key: "org.opencontainers.image.version", value: "1.0" }],
          exposed_ports: ["8080/tcp"],
          user: "1000",
          working_dir: "/srv",
          created: "2024-05-01T10:00:00Z",
        },
        history: [
          { created: "2024-05-01T10:00:00Z", created_by: "COPY app /app # buildkit", empty_layer: false, layer_digest: mockDigest(10) },
          { created: "2024-05-01T10:00:00Z", created_by: "ENTRYPOINT [\"/app\"]", empty_layer: true, layer_digest: null },
        ],
        hints: [
          { id: "hint.no_healthcheck", message: "the image defines no HEALTHCHECK", advice: "Add a HEALTHCHECK." },
        ],
      },
    ],
    pull: [],
    ...extra,
  };
}

/** What a console opened in a plain browser shows: a few images in the default organizations. */
const DEFAULT_IMAGES: ImageRow[] = [
  mockImageRow("team-a", "web", { tagCount: 3, isPublic: true, description: "Front end" }),
  mockImageRow("team-a", "api", { category: "framework_app" }),
  mockImageRow("team-b", "tools/cli", { category: "other", tagCount: 1 }),
];

const DEFAULT_TAGS: Record<string, TagRow[]> = {
  "team-a/web": [
    mockTagRow("latest", { digest: mockDigest(1), siblings: ["1.2.0"] }),
    mockTagRow("1.2.0", { digest: mockDigest(1), siblings: ["latest"] }),
    mockTagRow("1.1.0", { digest: mockDigest(2), isIndex: true }),
  ],
  "team-a/api": [mockTagRow("2.0"), mockTagRow("1.9")],
  "team-b/tools/cli": [mockTagRow("0.3")],
};

const DEFAULT_SHARED: ImageRow[] = [mockImageRow("partner", "base/runtime", { tagCount: 4, description: "Shared base image" })];

function fail(code: IpcError["code"], message: string): Promise<never> {
  return Promise.reject(new CommandError({ code, message, requestId: null, retryable: false, violation: null, advice: null }));
}

export function createMockBrowse(
  profiles: BrowseProfiles,
  options: MockBrowseOptions,
): { client: BrowseClient; control: MockBrowse } {
  const images = options.images ?? DEFAULT_IMAGES;
  const shared = options.sharedWithMe ?? (options.images ? [] : DEFAULT_SHARED);
  const tags = new Map(Object.entries(options.tags ?? (options.images ? {} : DEFAULT_TAGS)).map(([k, v]) => [k, [...v]]));
  const calls: MockBrowseCalls = {
    loadImageIndex: [],
    queryImages: [],
    queryTags: [],
    loadTags: [],
    inspectTag: [],
    tagPlatforms: [],
    planTagDeletion: [],
    deleteTags: [],
    copyTag: [],
    deleteOrganization: [],
  };
  const tagsOf = (organization: string, image: string) => tags.get(`${organization}/${image}`) ?? [];
  const rowOf = (organization: string, image: string) =>
    [...images, ...shared].find((row) => row.organization === organization && row.name === image);
  const known = (profileId: string): Promise<never> | null =>
    profiles.exists(profileId) ? null : fail("notFound", `no profile with id ${profileId}`);
  const repository = (profileId: string, organization: string, image: string) =>
    `${profiles.registry(profileId) ?? "registry"}/${organization}/${image}`;

  const client: BrowseClient = {
    loadImageIndex: (profileId, refresh) => {
      calls.loadImageIndex.push({ profileId, refresh });
      return (
        known(profileId) ??
        Promise.resolve({
          total: images.length,
          organizations: [...new Set(images.map((row) => row.organization))],
          refreshedAt: 1_714_640_000_000 + calls.loadImageIndex.length,
        })
      );
    },
    queryImages: (profileId, query, offset, limit) => {
      calls.queryImages.push({ query: structuredClone(query), offset, limit });
      return (
        known(profileId) ??
        Promise.resolve({ total: images.length, matching: images.length, offset, rows: images.slice(offset, offset + limit) })
      );
    },
    imageOverview: (profileId, organization, image) => {
      const refused = known(profileId);
      if (refused) return refused;
      const row = rowOf(organization, image);
      if (!row) return fail("notFound", `no image ${organization}/${image}`);
      const first = tagsOf(organization, image)[0];
      const base = repository(profileId, organization, image);
      const overview: ImageOverview = {
        image: { ...row },
        registry: profiles.registry(profileId) ?? "",
        defaultTag: first?.tag ?? null,
        digest: first?.digest ?? null,
        pull: first ? mockPullCommands(`${base}:${first.tag}`, `${base}@${first.digest}`) : [],
      };
      return Promise.resolve(overview);
    },
    loadTags: (profileId, organization, image, refresh) => {
      calls.loadTags.push({ organization, image, refresh });
      return known(profileId) ?? Promise.resolve({ total: tagsOf(organization, image).length, refreshedAt: 1_714_640_000_000 });
    },
    queryTags: (profileId, organization, image, query, offset, limit) => {
      calls.queryTags.push({ organization, image, query: structuredClone(query), offset, limit });
      const refused = known(profileId);
      if (refused) return refused;
      const all = tagsOf(organization, image);
      const problem = options.filterProblems?.[query.filter];
      if (problem !== undefined) {
        return Promise.resolve({ total: all.length, matching: 0, offset, rows: [], filterProblem: problem });
      }
      return Promise.resolve({
        total: all.length,
        matching: all.length,
        offset,
        rows: all.slice(offset, offset + limit),
        filterProblem: null,
      });
    },
    inspectTag: (profileId, organization, image, reference) => {
      calls.inspectTag.push(reference);
      const refused = known(profileId);
      if (refused) return refused;
      const given = options.inspections?.[reference];
      if (given) return Promise.resolve(structuredClone(given));
      const row = tagsOf(organization, image).find((t) => t.tag === reference || t.digest === reference);
      if (!row) return fail("notFound", `no tag or digest ${reference} in ${organization}/${image}`);
      const base = repository(profileId, organization, image);
      return Promise.resolve(
        mockInspection(reference, row.digest, { pull: mockPullCommands(`${base}:${row.tag}`, `${base}@${row.digest}`) }),
      );
    },
    tagPlatforms: (profileId, organization, image, digests) => {
      calls.tagPlatforms.push([...digests]);
      const refused = known(profileId);
      if (refused) return refused;
      const held = new Set(tagsOf(organization, image).map((row) => row.digest));
      return Promise.resolve(
        digests.map((digest) => {
          const given = options.platforms?.[digest];
          if (Array.isArray(given)) return { digest, platforms: structuredClone(given), problem: null };
          const problem = given?.problem ?? (held.has(digest) ? null : `${organization}/${image} has no manifest ${digest}`);
          return { digest, platforms: problem === null ? [{ os: "linux", architecture: "amd64", variant: null }] : [], problem };
        }),
      );
    },
    planTagDeletion: (profileId, organization, image, references) => {
      calls.planTagDeletion.push([...references]);
      const refused = known(profileId);
      if (refused) return refused;
      if (options.deletionPlan) return Promise.resolve(structuredClone(options.deletionPlan));
      const all = tagsOf(organization, image);
      return Promise.resolve({
        organization,
        image,
        confirmation: `${organization}/${image}`,
        tags: references.map((tag) => ({
          tag,
          digest: all.find((t) => t.tag === tag)?.digest ?? mockDigest(0),
          imageGone: true,
          keptSiblings: [],
        })),
      });
    },
    deleteTags: (profileId, organization, image, names) => {
      calls.deleteTags.push([...names]);
      const refused = known(profileId);
      if (refused) return refused;
      const outcome = options.deletionOutcome ?? { deleted: [...names], failed: [] };
      const list = tags.get(`${organization}/${image}`);
      if (list) tags.set(`${organization}/${image}`, list.filter((t) => !outcome.deleted.includes(t.tag)));
      return Promise.resolve(structuredClone(outcome));
    },
    copyTag: (profileId, source, target) => {
      calls.copyTag.push({ source, target });
      return (
        known(profileId) ??
        Promise.resolve({ source, target, digest: mockDigest(3), mounted: 3, copied: 0, present: 1, ...options.copyOutcome })
      );
    },
    listOrganizationRows: async (profileId) => {
      const refused = known(profileId);
      if (refused) return refused;
      const organizations = await profiles.organizations(profileId);
      return organizations.map(
        (o): OrganizationRow => ({
          name: o.name,
          permission: o.permission,
          canPush: o.canPush,
          imageCount: images.filter((row) => row.organization === o.name).length,
        }),
      );
    },
    deleteOrganization: (profileId, name) => {
      calls.deleteOrganization.push(name);
      const refused = known(profileId);
      if (refused) return refused;
      const refusal = options.organizationRefusals?.[name];
      if (refusal) return Promise.reject(new CommandError(refusal));
      profiles.removeOrganization(profileId, name);
      return Promise.resolve();
    },
    sharedWithMe: (profileId) => known(profileId) ?? Promise.resolve(structuredClone(shared)),
  };

  const control: MockBrowse = {
    calls,
    get lastImageQuery() {
      return calls.queryImages.at(-1)?.query;
    },
    get lastTagQuery() {
      return calls.queryTags.at(-1)?.query;
    },
  };
  return { client, control };
}
