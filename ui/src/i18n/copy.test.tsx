// Guards "no hard-coded UI strings": with Chinese selected, nothing the user can see or hear (text,
// accessible names, titles, placeholders) may still be English, apart from proper names.

import { createMemoryHistory } from "@tanstack/react-router";
import { act, render, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";

import { App } from "../app/App";
import { createMockBackend, mockDashboard, mockDigest, mockImage, mockImageRow, mockTagRow, mockValidation } from "../ipc/mock";
import { findTagRow, stubViewport } from "../features/browse/testing";
import { openList } from "../test/choose";
import { englishLeftIn } from "../test/english";
import { renderApp, stubSystemLanguage, stubSystemTheme } from "../test/renderApp";

// Names that stay as they are in every language, and values that come from the backend.
const ALLOWED = /SWR Console|SWR|Tauri|WebView|English|npm|Rust crate|cn-north-4|production|mock|linux|x86_64/g;

describe("Chinese copy", () => {
  it("leaves no English in the shell, Settings and About", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
    stubViewport(280);
    const { user } = renderApp({ profile: { id: "p1", name: "production", region: "cn-north-4" } });

    await screen.findByRole("heading", { level: 1, name: "设置" });
    await user.click(screen.getByRole("button", { name: "关于" }));
    await screen.findByTestId("about-version");
    await screen.findAllByTestId("about-license-row");
    // The license rows list third-party names and SPDX expressions; their headers are ours.
    for (const row of screen.getAllByTestId("about-license-row")) row.remove();

    expect(englishLeftIn(document.body, ALLOWED)).toEqual([]);
  });
});

// What the backend sends (file names, references, archive findings, registry messages) and
// units that stay as they are.
const UPLOAD_DATA = /docker save|podman|skopeo|sha256:[0-9a-f]+|team-[ab]|audit|docker-archive|amd64|gzip|\b(B|kB|MB|GB|TB)\b/g;

describe("Chinese copy of the Uploads screen", () => {
  it("leaves no English in any state of an item", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("dark");
    const { backend, user } = renderApp({ path: "/uploads", profile: { id: "p1", name: "production", region: "cn-north-4" } });
    await screen.findByRole("heading", { level: 1, name: "上传" });

    const up = backend.uploads;
    let ids: number[] = [];
    act(() => {
      ids = up.addFiles(
        [
          { name: "draft.tar", validation: mockValidation("draft.tar", [mockImage([])]) },
          { name: "checking.tar", validation: { done: 10, total: 100 } },
          { name: "pending.tar", validation: "pending" },
          {
            name: "broken.tar",
            validation: mockValidation("broken.tar", [], [
              { severity: "error", rule: "tar.truncated", file: "broken.tar", message: "cut short", advice: "save it again" },
            ]),
          },
          { name: "running.tar" },
          { name: "failed.tar" },
          { name: "done.tar" },
          { name: "cancelled.tar" },
          { name: "queued.tar" },
        ],
        [
          { path: "/tmp/folder", reason: "folder", detail: "" },
          { path: "/tmp/gone.tar", reason: "missing", detail: "No such file or directory (os error 2)" },
        ],
      );
    });
    const [, , , , running = 0, failed = 0, done = 0, cancelled = 0, queued = 0] = ids;
    for (const id of [running, failed, done, cancelled, queued]) {
      await backend.setUploadTarget(id, { profileId: "p1", organization: "team-a", images: [], compress: true });
    }
    await backend.queueUploads([running, failed, done, cancelled, queued]);
    act(() => {
      up.begin(done);
      up.finish(done);
      up.begin(failed);
      up.fail(failed, "permissionDenied", "denied");
      up.begin(cancelled);
    });
    await backend.cancelUpload(cancelled);
    act(() => {
      up.resume([queued]);
      up.begin(running);
      up.step(running, "pushing", null);
      up.progress(running, {
        done: 1000,
        total: 4000,
        bytesPerSec: 500,
        etaSecs: 6,
        skipped: 100,
        layers: [{ name: "sha256:abc", done: 1, total: 2 }],
      });
      up.waiting(running, "rateLimited", "429", 20);
      up.dropHover(true);
    });
    await screen.findByTestId("upload-waiting");
    await screen.findByTestId("upload-error");
    await screen.findByTestId("uploads-resumed");
    // The organizations offered, read-only ones marked, are words on screen once a list is open.
    const list = await openList(user, screen.getAllByTestId("upload-organization")[0] ?? document.body);
    await within(list).findByRole("option", { name: "audit（只读）" });

    // Backend data is shown as it comes (a finding's title and advice are ours, its detail is not).
    expect(screen.getByTestId("upload-finding")).toBeInTheDocument();
    for (const el of document.querySelectorAll(
      "code, [data-testid=upload-file-name], .finding-detail, .ignored-detail, .notice-detail",
    )) {
      el.remove();
    }
    const left = englishLeftIn(document.body, ALLOWED).map((text) => text.replace(UPLOAD_DATA, "")).filter((text) => /[A-Za-z]{2,}/.test(text));
    expect(left).toEqual([]);
  });
});

// Data of the browsing screens: names, tags, digests, platforms, commands and the tools' own names.
const BROWSE_DATA =
  /team-[abc]|audit|tools\/cli|web|latest|stable|sha256:[0-9a-f]+|[0-9a-f]{12}|swr\.cn-north-4\.myhuaweicloud\.com|Docker|containerd|ctr|nerdctl|Podman|Kubernetes|image:|Linux|Windows|Arm|amd64|arm64|root|Ctrl|Shift|Alt|Enter|Esc|HEALTHCHECK|USER|\b(B|kB|MB|GB|TB)\b/g;

/** English left on screen, looked for in a copy so the live page React manages stays whole. */
function browseEnglish(): string[] {
  const copy = document.body.cloneNode(true) as HTMLElement;
  // A hint's detail line is the backend's message, shown as it comes.
  for (const el of copy.querySelectorAll("code, .tag-name, .notice-detail, .finding-detail")) el.remove();
  return englishLeftIn(copy, ALLOWED)
    .map((text) => text.replace(BROWSE_DATA, ""))
    .filter((text) => /[A-Za-z]{2,}/.test(text));
}

describe("Chinese copy of the browsing screens", () => {
  const options = {
    profile: { id: "p1", name: "production", region: "cn-north-4" },
    images: [mockImageRow("team-a", "web", { isPublic: true }), mockImageRow("team-b", "tools/cli", { category: "linux" })],
    tags: {
      "team-a/web": [
        mockTagRow("latest", { digest: mockDigest(1), siblings: ["stable"], isIndex: true }),
        mockTagRow("stable", { digest: mockDigest(1), siblings: ["latest"] }),
      ],
    },
  };

  it("leaves no English on Images, an image's tabs and their dialogs", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
    stubViewport();
    const { user } = renderApp({ path: "/images", ...options });
    await screen.findAllByTestId("image-row");
    expect(browseEnglish()).toEqual([]);

    await user.click(screen.getAllByTestId("image-row")[0] ?? document.body);
    await screen.findByTestId("image-overview");
    expect(browseEnglish()).toEqual([]);

    await user.click(screen.getByTestId("tab-tags"));
    await user.click(within(await findTagRow("latest")).getByTestId("row-select"));
    expect(browseEnglish()).toEqual([]);

    await user.click(within(await findTagRow("latest")).getByTestId("tag-inspect"));
    await screen.findAllByTestId("inspect-layer");
    expect(browseEnglish()).toEqual([]);
    await user.keyboard("{Escape}");

    await user.click(await screen.findByTestId("tags-delete"));
    await screen.findAllByTestId("deletion-item");
    expect(browseEnglish()).toEqual([]);
    await user.keyboard("{Escape}");

    await user.click(await screen.findByTestId("tags-copy"));
    await user.type(await screen.findByTestId("copy-target"), "v2");
    await user.click(screen.getByTestId("copy-submit"));
    await screen.findByTestId("copy-result");
    expect(browseEnglish()).toEqual([]);
  });

  it("leaves no English on Organizations and in the palette", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
    const { user } = renderApp({ path: "/organizations", ...options });
    await screen.findAllByTestId("organization-row");
    expect(browseEnglish()).toEqual([]);

    await user.click(screen.getAllByTestId("organization-delete")[0] ?? document.body);
    await screen.findByTestId("organization-delete-dialog");
    expect(browseEnglish()).toEqual([]);
    await user.keyboard("{Escape}");

    await user.keyboard("{Control>}k{/Control}");
    await waitFor(() => {
      expect(screen.getAllByTestId("palette-item").length).toBeGreaterThan(5);
    });
    expect(browseEnglish()).toEqual([]);
  });

  it("leaves no English where there is no profile", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
    renderApp({ path: "/images" });
    await screen.findByTestId("browse-no-profile");
    expect(browseEnglish()).toEqual([]);
  });

  it("leaves no English on the images shared with this account", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
    stubViewport();
    const { user } = renderApp({ path: "/images", ...options, sharedWithMe: [mockImageRow("team-c", "web", { isPublic: true })] });
    await screen.findAllByTestId("image-row");
    await user.click(screen.getByTestId("images-scope-shared"));
    await screen.findAllByTestId("shared-image-row");
    expect(browseEnglish()).toEqual([]);
  });
});

describe("Chinese copy of the Dashboard", () => {
  const week = (value: number) => [1, 2, 3].map((day) => ({ date: `2024-05-0${String(day)}`, value: value * day }));
  const dashboard = mockDashboard({
    quotas: [{ key: "namespace", used: 2, limit: 15 }],
    storageSeries: week(1_000_000_000),
    trafficSeries: [],
    expiringShares: [
      { organization: "team-a", image: "web", account: "team-b", deadline: "2024-05-03T10:00:00Z", daysLeft: 0 },
      { organization: "team-b", image: "tools/cli", account: "team-a", deadline: "2024-05-06T10:00:00Z", daysLeft: 3 },
    ],
    problems: ["quotas: SWR answered 403"],
  });

  it("leaves no English in its tiles, charts, lists and notices", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("dark");
    const backend = createMockBackend({ profile: { id: "p1", name: "production", region: "cn-north-4" }, dashboard });
    const [id = 0] = backend.uploads.addFiles([{ name: "web.tar" }]);
    await backend.setUploadTarget(id, { profileId: "p1", organization: "team-a", images: [], compress: true });
    await backend.queueUploads([id]);
    backend.uploads.begin(id);
    backend.uploads.finish(id);
    render(<App client={backend} history={createMemoryHistory({ initialEntries: ["/dashboard"] })} />);

    await screen.findAllByTestId("dashboard-tile");
    await screen.findAllByTestId("recent-push");
    await screen.findAllByTestId("expiring-share");
    await screen.findByTestId("dashboard-problem");
    expect(screen.getByTestId("chart-traffic-empty")).toBeInTheDocument();
    expect(browseEnglish().map((text) => text.replace(/demo-account|\.tar\b/g, "")).filter((text) => /[A-Za-z]{2,}/.test(text))).toEqual([]);
  });

  it("leaves no English where there is no profile", async () => {
    stubSystemLanguage("zh-CN");
    stubSystemTheme("light");
    renderApp({ path: "/dashboard" });
    await screen.findByTestId("browse-no-profile");
    expect(browseEnglish()).toEqual([]);
  });
});
