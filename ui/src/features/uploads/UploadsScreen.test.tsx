import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError, type FailureKind } from "../../ipc";
import { mockViolation } from "../../ipc/mock";
import { choose, openList } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import {
  addFiles,
  aim,
  at,
  drive,
  findItem,
  inItem,
  invalidArchive,
  mockImage,
  mockValidation,
  REGISTRY,
  renderUploads,
  UPLOAD_RULES,
} from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
});

describe("uploads list", () => {
  it("explains how to add files when the list is empty", async () => {
    renderUploads();
    const empty = await screen.findByTestId("uploads-empty");
    expect(empty).toHaveTextContent("Drop .tar or .tar.gz archives");
    expect(empty).toHaveTextContent("swr-console app.tar");
    expect(screen.getByTestId("uploads-queue-all")).toBeDisabled();
    expect(screen.getByTestId("uploads-clear-finished")).toBeDisabled();
  });

  it("adds files with Add files through the backend's dialog", async () => {
    const { user } = renderUploads();
    await user.click(await screen.findByTestId("uploads-add"));
    expect(await findItem("demo-app.tar")).toHaveAttribute("data-state", "draft");
    expect(screen.queryByTestId("uploads-empty")).not.toBeInTheDocument();
  });

  it("shows a file being checked with its progress, and it cannot be queued yet", async () => {
    const { backend } = renderUploads();
    const [id = 0] = addFiles(backend, [{ name: "big.tar", size: 2_000_000_000, validation: { done: 0, total: 2_000_000_000 } }]);
    const item = await findItem("big.tar");
    drive(() => {
      backend.uploads.validationProgress(id, 500_000_000, 2_000_000_000);
    });

    expect(item).toHaveAttribute("data-validation", "running");
    const bar = await inItem(item).findByTestId("upload-validation-progress");
    await waitFor(() => {
      expect(bar).toHaveAttribute("data-done", "500000000");
    });
    expect(item).toHaveTextContent("Checking the archive: 500 MB of 2 GB");
    expect(inItem(item).getByTestId("upload-badge")).toHaveTextContent("Checking");
    expect(inItem(item).getByTestId("upload-queue")).toBeDisabled();
    expect(inItem(item).getByTestId("upload-queue-blocked")).toHaveTextContent("when its check is done");
  });

  it("lists what makes an archive invalid, with advice, and never offers to queue it", async () => {
    const { backend } = renderUploads();
    addFiles(backend, [
      {
        name: "broken.tar",
        validation: invalidArchive("broken.tar", [
          { rule: "archive.truncated" },
          { rule: "layer.digest_mismatch", message: "Layer 2 does not match its diff_id.", advice: "The layer was changed after saving." },
        ]),
      },
    ]);
    const item = await findItem("broken.tar");

    expect(item).toHaveAttribute("data-validation", "invalid");
    const findings = inItem(item).getAllByTestId("upload-finding");
    expect(findings.map((f) => f.dataset["rule"])).toEqual(["archive.truncated", "layer.digest_mismatch"]);
    expect(findings[0]).toHaveTextContent("The archive ends in the middle of an entry.");
    expect(findings[0]).toHaveTextContent("What to do: Save the image again");
    expect(inItem(item).getByTestId("upload-queue")).toBeDisabled();
    expect(inItem(item).getByTestId("upload-queue-blocked")).toHaveTextContent("An invalid archive cannot be queued.");
    expect(inItem(item).queryByTestId("upload-profile")).not.toBeInTheDocument();
  });

  it("shows the report of a valid archive: tags, platform, sizes, layers, efficiency, hints, warnings", async () => {
    const { backend } = renderUploads();
    addFiles(backend, [
      {
        name: "web.tar",
        validation: mockValidation(
          "web.tar",
          [
            mockImage(["team/web:1.2", "team/web:latest"], {
              platform: { os: "linux", architecture: "arm64", variant: "v8" },
              stored_size: 40_000_000,
              uncompressed_size: 120_000_000,
              efficiency: { score: 0.87, wasted_bytes: 15_600_000, total_file_bytes: 120_000_000, wasted_files: [], largest_files: [], capped: false },
              hints: [{ id: "hint.runs_as_root", message: "The image runs as root.", advice: "Add a USER instruction." }],
            }),
          ],
          [{ severity: "warning", rule: "layer.uncompressed", file: "web.tar", message: "Layers are stored uncompressed.", advice: "Nothing to do: they are compressed on upload." }],
        ),
      },
    ]);
    const report = inItem(await findItem("web.tar")).getByTestId("upload-report");

    expect(report).toHaveTextContent("1 image · docker-archive · 40 MB");
    expect(report).toHaveTextContent("1 warning");
    expect(report).toHaveTextContent("team/web:1.2");
    expect(report).toHaveTextContent("linux/arm64/v8");
    expect(report).toHaveTextContent("40 MB stored · 120 MB uncompressed");
    expect(report).toHaveTextContent("87% · 15.6 MB wasted");
    expect(report).toHaveTextContent("The image runs as root.");
    expect(report).toHaveTextContent("Layers are stored uncompressed.");
  });
});

describe("target form", () => {
  it("previews the final reference and copies its pull command once an organization is chosen", async () => {
    const { backend, user } = renderUploads();
    addFiles(backend, [{ name: "web.tar" }]);
    const item = await findItem("web.tar");
    const q = inItem(item);

    expect(q.getByTestId("upload-profile")).toHaveAttribute("data-value", "p1");
    expect(q.getByTestId("upload-image-name")).toHaveValue("web");
    expect(q.getByTestId("upload-image-tags")).toHaveValue("latest");
    expect(q.getByTestId("upload-compress")).toBeChecked();
    expect(q.getByTestId("upload-problem")).toHaveTextContent("Choose the organization to push into.");
    expect(q.getByTestId("upload-queue")).toBeDisabled();

    const organization = q.getByTestId("upload-organization");
    await waitFor(() => {
      expect(organization).toBeEnabled();
    });
    const list = await openList(user, organization);
    expect(await within(list).findByRole("option", { name: "audit (read-only)" })).toHaveAttribute("aria-disabled", "true");
    await user.keyboard("{Escape}");
    await choose(user, q.getByTestId("upload-organization"), "team-a");

    expect(await q.findByTestId("upload-reference")).toHaveTextContent(`${REGISTRY}/team-a/web:latest`);
    expect(q.queryByTestId("upload-problem")).not.toBeInTheDocument();
    expect(q.getByTestId("upload-queue")).toBeEnabled();
    expect(item).toHaveTextContent(`docker pull ${REGISTRY}/team-a/web:latest`);

    await user.click(q.getByTestId("upload-pull-copy"));
    await waitFor(() => {
      expect(backend.clipboard).toBe(`docker pull ${REGISTRY}/team-a/web:latest`);
    });
    expect(q.getByTestId("upload-pull-copy")).toHaveTextContent("Copied");
  });

  it("keeps every tag an image was saved with, and pushes the list the user edits", async () => {
    const { backend, user } = renderUploads();
    const [id = 0] = addFiles(backend, [
      { name: "web.tar", validation: mockValidation("web.tar", [mockImage(["web:v1", "web:latest"])]) },
    ]);
    await aim(backend, id);
    const q = inItem(await findItem("web.tar"));

    const tags = q.getByTestId("upload-image-tags");
    expect(tags).toHaveValue("v1, latest");
    await waitFor(() => {
      expect(q.getAllByTestId("upload-reference").map((r) => r.textContent)).toEqual([
        `${REGISTRY}/team-a/web:v1`,
        `${REGISTRY}/team-a/web:latest`,
      ]);
    });

    await user.clear(tags);
    await user.type(tags, "v1, stable 2026");
    await waitFor(() => {
      expect(q.getAllByTestId("upload-reference").map((r) => r.textContent)).toEqual([
        `${REGISTRY}/team-a/web:v1`,
        `${REGISTRY}/team-a/web:stable`,
        `${REGISTRY}/team-a/web:2026`,
      ]);
    });
  });

  it("saves a change still waiting for the pause when the form goes away", async () => {
    const { backend, unmount } = renderUploads();
    const [id = 0] = addFiles(backend, [{ name: "web.tar" }]);
    await aim(backend, id);
    const q = inItem(await findItem("web.tar"));

    // The pause after which a change is saved never ends here: only the form going saves it.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    try {
      fireEvent.change(q.getByTestId("upload-image-name"), { target: { value: "site" } });
      await act(async () => {
        await Promise.resolve();
      });
      expect(backend.uploads.items[0]?.images[0]?.name).not.toBe("site");
      unmount();
      await act(async () => {
        await Promise.resolve();
      });
      expect(backend.uploads.items[0]?.images[0]?.name).toBe("site");
    } finally {
      vi.useRealTimers();
    }
  });

  it("asks a name for an untagged image and names a bad tag next to its field", async () => {
    const { backend, user } = renderUploads();
    const [id = 0] = addFiles(backend, [
      { name: "multi.tar", validation: mockValidation("multi.tar", [mockImage([]), mockImage(["api:1"])]) },
    ]);
    await aim(backend, id);
    const q = inItem(await findItem("multi.tar"));

    const names = q.getAllByTestId("upload-image-name");
    const tags = q.getAllByTestId("upload-image-tags");
    expect(names.map((n) => n.dataset["index"])).toEqual(["0", "1"]);
    expect(await q.findByText("This image has no tag in the archive: give it a name.")).toBeInTheDocument();
    expect(names[0]).toHaveAttribute("aria-invalid", "true");

    await user.clear(at(tags, 1));
    await user.type(at(tags, 1), "v@2");
    const tagProblem = await q.findByText(/A tag may only contain letters, digits/);
    expect(tagProblem).toHaveAttribute("data-rule", "tag.charset");
    expect(q.getByTestId("upload-queue-blocked")).toHaveTextContent("Fix the fields marked above");

    await user.type(at(names, 0), "worker");
    await user.clear(at(tags, 1));
    await user.type(at(tags, 1), "v2");
    await waitFor(() => {
      expect(q.queryAllByTestId("upload-problem")).toHaveLength(0);
    });
    expect(q.getAllByTestId("upload-reference").map((r) => r.textContent)).toEqual([
      `${REGISTRY}/team-a/worker:latest`,
      `${REGISTRY}/team-a/api:v2`,
    ]);
    expect(backend.uploads.items[0]?.images[1]?.tags).toEqual(["v2"]);
  });

  it("names every bad tag under the tags field, and describes the field by them", async () => {
    const hash = mockViolation("tag", "tag.charset", "v#3", "A tag may only contain letters, digits, '_', '.' and '-'; remove '#'.");
    const { backend, user } = renderUploads({ valueRules: [...UPLOAD_RULES, { kind: "tag", value: "v#3", violation: hash }] });
    const [id = 0] = addFiles(backend, [{ name: "web.tar", validation: mockValidation("web.tar", [mockImage(["web:1"])]) }]);
    await aim(backend, id);
    const q = inItem(await findItem("web.tar"));
    const tags = q.getByTestId("upload-image-tags");

    await user.clear(tags);
    await user.type(tags, "v@2, ok, v#3");
    await waitFor(() => {
      expect(q.getAllByTestId("upload-problem")).toHaveLength(2);
    });
    const problems = q.getAllByTestId("upload-problem");
    expect(problems.map((p) => p.textContent)).toEqual([
      "A tag may only contain letters, digits, '_', '.' and '-'; remove '@'.",
      "A tag may only contain letters, digits, '_', '.' and '-'; remove '#'.",
    ]);
    expect(tags).toHaveAttribute("aria-invalid", "true");
    const described = document.getElementById(tags.getAttribute("aria-describedby") ?? "");
    expect(described).toContainElement(at(problems, 0));
    expect(described).toContainElement(at(problems, 1));
    expect(q.getByTestId("upload-image-name")).toHaveAttribute("aria-invalid", "false");
    expect(q.queryAllByTestId("upload-reference")).toHaveLength(0);

    await user.clear(tags);
    await user.type(tags, "v1, ok");
    await waitFor(() => {
      expect(q.queryAllByTestId("upload-problem")).toHaveLength(0);
    });
    expect(tags).not.toHaveAttribute("aria-describedby");
    expect(q.getAllByTestId("upload-reference")).toHaveLength(2);
  });

  it("creates an organization inline, showing SWR's rule the name breaks as it is typed", async () => {
    const { backend, user } = renderUploads();
    addFiles(backend, [{ name: "web.tar" }]);
    const q = inItem(await findItem("web.tar"));

    await user.click(q.getByTestId("upload-org-create"));
    expect(q.getByTestId("upload-org-create-submit")).toBeDisabled();
    await user.type(q.getByTestId("upload-org-create-name"), "New_Team");
    const problem = await q.findByTestId("upload-org-create-name-problem");
    expect(problem).toHaveTextContent("must be lower case; write 'new_team'");
    expect(problem).toHaveAttribute("data-rule", "namespace.uppercase");
    expect(q.getByTestId("upload-org-create-name")).toHaveAttribute("aria-invalid", "true");
    expect(q.getByTestId("upload-org-create-submit")).toBeDisabled();

    await user.clear(q.getByTestId("upload-org-create-name"));
    await waitFor(() => {
      expect(q.getByTestId("upload-org-create-name-problem")).toHaveTextContent("Enter the name of the new organization.");
    });
    expect(q.getByTestId("upload-org-create-submit")).toBeDisabled();
    await user.type(q.getByTestId("upload-org-create-name"), "new-team");
    await user.click(q.getByTestId("upload-org-create-submit"));

    await waitFor(() => {
      expect(q.getByTestId("upload-organization")).toHaveAttribute("data-value", "new-team");
    });
    expect(q.queryByTestId("upload-org-create-name")).not.toBeInTheDocument();
    expect(await q.findByTestId("upload-reference")).toHaveTextContent(`${REGISTRY}/new-team/web:latest`);
    expect((await backend.listOrganizations("p1")).map((o) => o.name)).toContain("new-team");
  });

  it("puts a name SWR refuses on the new organization's field, and other failures under the form", async () => {
    const { backend, user } = renderUploads();
    addFiles(backend, [{ name: "web.tar" }]);
    const q = inItem(await findItem("web.tar"));
    await user.click(q.getByTestId("upload-org-create"));
    const name = q.getByTestId("upload-org-create-name");
    const submit = q.getByTestId("upload-org-create-submit");

    // An existing organization is no rule of the name: SWR says so when asked.
    await user.type(name, "team-a");
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    await user.click(submit);
    expect(await q.findByTestId("upload-org-create-error")).toHaveTextContent("the organization team-a already exists");
    expect(q.queryByTestId("upload-org-create-name-problem")).not.toBeInTheDocument();

    vi.spyOn(backend, "createOrganization").mockRejectedValueOnce(
      new CommandError({
        code: "invalidInput",
        message: "reserved",
        requestId: "req-3",
        retryable: false,
        violation: mockViolation("namespace", "namespace.reserved", "team-b", "team-b is reserved."),
        advice: null,
      }),
    );
    await user.clear(name);
    await user.type(name, "team-b");
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    await user.click(submit);
    const refused = await q.findByTestId("upload-org-create-name-problem");
    expect(refused).toHaveTextContent("team-b is reserved.");
    expect(refused).toHaveTextContent("Request ID: req-3");
    expect(refused).toHaveAttribute("role", "alert");
    expect(name).toHaveFocus();
    expect(q.queryByTestId("upload-org-create-error")).not.toBeInTheDocument();
    expect(q.getByTestId("upload-organization")).not.toHaveAttribute("data-value", "team-b");
  });
});

/** A file added, aimed at team-a and queued; the screen shows it. */
async function queuedFile(backend: Parameters<typeof aim>[0], name = "web.tar") {
  const [id = 0] = addFiles(backend, [{ name }]);
  await aim(backend, id);
  await backend.queueUploads([id]);
  return { id, item: await findItem(name) };
}

describe("queue", () => {
  it("queues a ready draft from its Queue button, then pauses and starts the queue", async () => {
    const { backend, user } = renderUploads();
    const [id = 0] = addFiles(backend, [{ name: "web.tar" }]);
    await aim(backend, id);
    const item = await findItem("web.tar");

    await waitFor(() => {
      expect(inItem(item).getByTestId("upload-queue")).toBeEnabled();
    });
    await user.click(inItem(item).getByTestId("upload-queue"));

    await waitFor(() => {
      expect(item).toHaveAttribute("data-state", "queued");
    });
    expect(item).toHaveTextContent("Waiting in the queue.");
    expect(inItem(item).getByTestId("upload-badge")).toHaveTextContent("Queued");
    expect(inItem(item).queryByTestId("upload-profile")).not.toBeInTheDocument();
    expect(screen.getByTestId("uploads-start")).toBeDisabled();

    await user.click(screen.getByTestId("uploads-pause"));
    expect(await screen.findByText("The queue is paused.")).toBeInTheDocument();
    expect(item).toHaveTextContent("the queue is paused");
    await user.click(screen.getByTestId("uploads-start"));
    expect(await screen.findByText("The queue is running.")).toBeInTheDocument();
  });

  it("queues every ready draft at once and leaves the others", async () => {
    const { backend, user } = renderUploads();
    const [a = 0, b = 0] = addFiles(backend, [{ name: "a.tar" }, { name: "b.tar" }, { name: "c.tar" }]);
    await aim(backend, a);
    await aim(backend, b);
    await findItem("c.tar");

    await user.click(screen.getByTestId("uploads-queue-all"));
    await waitFor(async () => {
      expect((await findItem("a.tar")).dataset["state"]).toBe("queued");
    });
    expect((await findItem("b.tar")).dataset["state"]).toBe("queued");
    expect((await findItem("c.tar")).dataset["state"]).toBe("draft");
  });

  it("shows the item being pushed: step, bytes, rate, time left, skipped bytes and layers", async () => {
    const { backend } = renderUploads();
    const { id, item } = await queuedFile(backend);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.step(id, "pushing", `${REGISTRY}/team-a/web:latest`);
      backend.uploads.progress(id, {
        done: 1_500_000,
        total: 3_000_000,
        bytesPerSec: 1_000_000,
        etaSecs: 75,
        skipped: 500_000,
        layers: [
          { name: "sha256:" + "1".repeat(64), done: 1_000_000, total: 2_000_000 },
          { name: "sha256:" + "2".repeat(64), done: 500_000, total: 1_000_000 },
        ],
      });
    });

    await waitFor(() => {
      expect(item).toHaveAttribute("data-state", "running");
    });
    const q = inItem(item);
    expect(q.getByTestId("upload-step")).toHaveTextContent(`Pushing${REGISTRY}/team-a/web:latest`);
    const progress = q.getByTestId("upload-progress");
    expect(progress).toHaveAttribute("data-done", "1500000");
    expect(progress).toHaveAttribute("data-total", "3000000");
    expect(item).toHaveTextContent("1.5 MB of 3 MB");
    expect(item).toHaveTextContent("1 MB/s");
    expect(item).toHaveTextContent("1 min 15 s left");
    expect(item).toHaveTextContent("500 kB already in the registry, skipped");
    expect(q.getAllByTestId("upload-layer")).toHaveLength(2);
    expect(item).toHaveTextContent("sha256:111111111111");
    expect(q.getByTestId("upload-cancel")).toBeInTheDocument();
    expect(q.queryByTestId("upload-remove")).not.toBeInTheDocument();
  });

  it("says why a push waits and counts down to the next try", async () => {
    const { backend } = renderUploads();
    const { id, item } = await queuedFile(backend);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.waiting(id, "network", "connection reset by peer", 30);
    });

    const waiting = await inItem(item).findByTestId("upload-waiting");
    expect(waiting).toHaveAttribute("data-kind", "network");
    expect(waiting).toHaveTextContent("connection reset by peer");
    expect(waiting).toHaveTextContent(/Trying again in (30|29) s/);
    expect(waiting).toHaveTextContent("waits and resumes when the connection is back");

    drive(() => {
      backend.uploads.progress(id, { done: 10, total: 100 });
    });
    await waitFor(() => {
      expect(inItem(item).queryByTestId("upload-waiting")).not.toBeInTheDocument();
    });
  });

  it("opened mid-push, shows the progress and the wait the backend already had", async () => {
    const { backend, user } = renderUploads({ path: "/settings" });
    const [id = 0] = addFiles(backend, [{ name: "web.tar" }]);
    await aim(backend, id);
    await backend.queueUploads([id]);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.progress(id, { done: 40, total: 100 });
      backend.uploads.waiting(id, "rateLimited", "the registry answered 429", 20);
    });
    await user.click(await screen.findByTestId("nav-uploads"));

    const item = await findItem("web.tar");
    const waiting = await inItem(item).findByTestId("upload-waiting");
    expect(waiting).toHaveAttribute("data-kind", "rateLimited");
    expect(waiting).toHaveTextContent(/Trying again in (20|19) s/);
    expect(inItem(item).getByTestId("upload-progress")).toHaveAttribute("data-done", "40");
  });

  it("lists what was pushed with a pull command to copy, then clears finished items", async () => {
    const { backend, user } = renderUploads();
    const { id, item } = await queuedFile(backend);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.finish(id);
    });

    await waitFor(() => {
      expect(item).toHaveAttribute("data-state", "done");
    });
    const q = inItem(item);
    expect(q.getByTestId("upload-badge")).toHaveTextContent("Pushed");
    expect(q.getByTestId("upload-reference")).toHaveTextContent(new RegExp(`^${REGISTRY}/team-a/web:latest$`));
    expect(q.getByTestId("upload-digest")).toHaveTextContent("sha256:dddd");
    await user.click(q.getByTestId("upload-pull-copy"));
    await waitFor(() => {
      expect(backend.clipboard).toBe(`docker pull ${REGISTRY}/team-a/web:latest`);
    });

    await user.click(screen.getByTestId("uploads-clear-finished"));
    await waitFor(() => {
      expect(screen.queryByTestId("upload-item")).not.toBeInTheDocument();
    });
  });

  it("links what was pushed to the image's tags", async () => {
    const { backend, user, history } = renderUploads();
    const { id, item } = await queuedFile(backend);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.finish(id);
    });

    const link = await inItem(item).findByTestId("upload-image-link");
    await user.click(link);
    expect(await screen.findByTestId("image-page")).toHaveAttribute("data-image", "team-a/web");
    expect(history.location.pathname).toBe("/images/team-a/web/tags");
    expect(screen.getByTestId("tab-tags")).toHaveAttribute("aria-selected", "true");
  });

  const ADVICE: [FailureKind, string][] = [
    ["invalidArchive", "not a valid image archive"],
    ["target", "Correct the fields above"],
    ["organizationMissing", "Create it with “Create organization” above, or choose another one"],
    ["permissionDenied", "needs write or manage permission"],
    ["unauthorized", "Verify the profile's access key"],
    ["quota", "quota of the account or the organization is used up"],
    ["rateLimited", "waits and tries again by itself"],
    ["network", "waits and resumes when the connection is back"],
    ["verification", "did not return the image as it was pushed"],
    ["credentials", "secret key is missing"],
    ["other", "Retry; if it fails again"],
  ];

  it.each(ADVICE)("explains a %s failure with what to do, and retries it", async (kind, advice) => {
    const { backend, user } = renderUploads();
    const { id, item } = await queuedFile(backend);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.fail(id, kind, `registry said no (${kind})`);
    });

    const error = await inItem(item).findByTestId("upload-error");
    expect(error).toHaveAttribute("data-kind", kind);
    expect(error).toHaveTextContent(`registry said no (${kind})`);
    expect(error).toHaveTextContent(advice);
    expect(inItem(item).getByTestId("upload-badge")).toHaveTextContent("Failed");

    await user.click(inItem(item).getByTestId("upload-retry"));
    await waitFor(() => {
      expect(item).toHaveAttribute("data-state", "queued");
    });
  });

  it("offers to create the missing organization right next to the failure", async () => {
    const { backend } = renderUploads();
    const { id, item } = await queuedFile(backend);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.fail(id, "organizationMissing", "namespace team-a not found");
    });
    await inItem(item).findByTestId("upload-error");
    expect(inItem(item).getByTestId("upload-org-create")).toBeEnabled();
    expect(inItem(item).getByTestId("upload-organization")).toHaveAttribute("data-value", "team-a");
  });

  it("cancels the item being pushed; it can be retried or removed", async () => {
    const { backend, user } = renderUploads();
    const { id, item } = await queuedFile(backend);
    drive(() => {
      backend.uploads.begin(id);
    });
    await waitFor(() => {
      expect(item).toHaveAttribute("data-state", "running");
    });
    await user.click(inItem(item).getByTestId("upload-cancel"));

    await waitFor(() => {
      expect(item).toHaveAttribute("data-state", "cancelled");
    });
    expect(item).toHaveTextContent("Cancelled. Nothing was tagged in the registry.");
    expect(inItem(item).getByTestId("upload-retry")).toBeInTheDocument();
    await user.click(inItem(item).getByTestId("upload-remove"));
    await waitFor(() => {
      expect(screen.queryByTestId("upload-item")).not.toBeInTheDocument();
    });
  });

  it("reorders items with Move up and Move down", async () => {
    const { backend, user } = renderUploads();
    addFiles(backend, [{ name: "a.tar" }, { name: "b.tar" }, { name: "c.tar" }]);
    const order = () => screen.getAllByTestId("upload-item").map((i) => i.dataset["file"]);
    await findItem("c.tar");
    expect(inItem(await findItem("a.tar")).getByTestId("upload-move-up")).toBeDisabled();
    expect(inItem(await findItem("c.tar")).getByTestId("upload-move-down")).toBeDisabled();

    await user.click(inItem(await findItem("a.tar")).getByTestId("upload-move-down"));
    await waitFor(() => {
      expect(order()).toEqual(["b.tar", "a.tar", "c.tar"]);
    });
    await user.click(inItem(await findItem("c.tar")).getByTestId("upload-move-up"));
    await waitFor(() => {
      expect(order()).toEqual(["b.tar", "c.tar", "a.tar"]);
    });
  });

  it("tells about uploads resumed after the app was closed", async () => {
    const { backend } = renderUploads();
    const ids = addFiles(backend, [{ name: "a.tar" }, { name: "b.tar" }]);
    drive(() => {
      backend.uploads.resume(ids);
    });
    expect(await screen.findByTestId("uploads-resumed")).toHaveTextContent(
      "Resumed 2 uploads interrupted when the app closed.",
    );
    expect(inItem(await findItem("a.tar")).getByText("Resumed")).toBeInTheDocument();
  });

  it("after a restart, shows pushed items as pushed without waiting for a check", async () => {
    const { backend } = renderUploads();
    const [id = 0] = addFiles(backend, [{ name: "web.tar" }]);
    await aim(backend, id);
    await backend.queueUploads([id]);
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.finish(id);
      backend.uploads.restart();
    });
    const item = await findItem("web.tar");
    await waitFor(() => {
      expect(item).toHaveAttribute("data-validation", "pending");
    });
    expect(item).toHaveAttribute("data-state", "done");
    expect(item).not.toHaveTextContent("Waiting for another file's check");
    expect(inItem(item).getByTestId("upload-reference")).toHaveTextContent("/web:latest");
  });
});

describe("files from anywhere", () => {
  it("switches to Uploads from another screen and says which files were ignored", async () => {
    const { backend } = renderUploads({ path: "/settings" });
    await screen.findByTestId("screen-settings");
    addFiles(backend, [{ name: "web.tar" }], [{ path: "/home/user/images", reason: "folder", detail: "" }]);

    expect(await screen.findByTestId("screen-uploads")).toBeInTheDocument();
    expect(screen.getByTestId("uploads-ignored")).toHaveTextContent("/home/user/images — a folder: add the image archives inside it");
    expect(await findItem("web.tar")).toBeInTheDocument();
  });

  it("words failures, ignored files and a broken organization name in Chinese", async () => {
    stubSystemLanguage("zh-CN");
    const { backend, user } = renderUploads();
    await screen.findByTestId("screen-uploads");
    addFiles(backend, [{ name: "web.tar" }], [{ path: "/tmp/gone.tar", reason: "missing", detail: "os error 2" }]);
    expect(await screen.findByTestId("uploads-ignored")).toHaveTextContent("/tmp/gone.tar — 找不到该文件：它已被移动或删除 (os error 2)");

    const q = inItem(await findItem("web.tar"));
    await user.click(q.getByTestId("upload-org-create"));
    await user.type(q.getByTestId("upload-org-create-name"), "New_Team");
    const broken = await q.findByTestId("upload-org-create-name-problem");
    expect(broken).toHaveTextContent("组织名称只能使用小写字母");
    expect(broken).not.toHaveTextContent(/lower case/);
    await user.clear(q.getByTestId("upload-org-create-name"));
    await waitFor(() => {
      expect(q.getByTestId("upload-org-create-name-problem")).toHaveTextContent("请输入新组织的名称。");
    });

    const { id, item } = await queuedFile(backend, "other.tar");
    drive(() => {
      backend.uploads.begin(id);
      backend.uploads.fail(id, "permissionDenied", "denied: requested access to the resource is denied");
    });
    const error = await inItem(item).findByTestId("upload-error");
    expect(inItem(item).getByTestId("upload-error-title")).toHaveTextContent("无权上传到此组织");
    expect(error).toHaveTextContent("详细信息：denied: requested access to the resource is denied");
  });

  it("covers the window while files are dragged over it", async () => {
    const { backend } = renderUploads({ path: "/profiles" });
    await screen.findByTestId("screen-profiles");
    drive(() => {
      backend.uploads.dropHover(true);
    });
    expect(await screen.findByTestId("drop-overlay")).toHaveTextContent("Drop image archives to upload them");
    drive(() => {
      backend.uploads.dropHover(false);
    });
    expect(screen.queryByTestId("drop-overlay")).not.toBeInTheDocument();
  });
});
