import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { mockImageRow } from "../../ipc/mock";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { stubViewport } from "../browse/testing";
import { addFiles, aim, drive, REGISTRY, renderUploads } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const DIGEST = `sha256:${"d".repeat(64)}`;

/** The user leaves Uploads (where adding files took them) for the Settings screen. */
async function browseAway(history: RenderedHistory) {
  act(() => {
    history.push("/settings");
  });
  await screen.findByTestId("screen-settings");
}

type RenderedHistory = ReturnType<typeof renderUploads>["history"];

/** Clicks a notice's action once the notification region takes the pointer (it ignores it while empty). */
async function runAction(user: ReturnType<typeof renderUploads>["user"], notice: HTMLElement) {
  await waitFor(() => {
    expect(screen.getByRole("region", { name: /Notifications/ })).not.toHaveStyle({ pointerEvents: "none" });
  });
  await user.click(within(notice).getByTestId("toast-action"));
}

describe("upload notices", () => {
  it("tells a user on another screen that a push landed, and opens the image from the notice", async () => {
    const { backend, history, user } = renderUploads({ images: [mockImageRow("team-a", "web")] });
    const [id = 0] = addFiles(backend, [{ name: "web.tar" }]);
    await aim(backend, id);
    await browseAway(history);
    drive(() => backend.uploads.begin(id));
    drive(() => {
      backend.uploads.finish(id, [`${REGISTRY}/team-a/web:1.4@${DIGEST}`, `${REGISTRY}/team-a/web:latest@${DIGEST}`]);
    });

    const notice = await screen.findByTestId("notice-upload-pushed");
    expect(notice).toHaveTextContent(`Pushed ${REGISTRY}/team-a/web:1.4 and 1 more`);
    expect(notice).toHaveTextContent("web.tar");
    await runAction(user, notice);

    await waitFor(() => {
      expect(history.location.pathname).toBe("/images/team-a/web/tags");
    });
    expect(screen.queryByTestId("notice-upload-pushed")).not.toBeInTheDocument();
  });

  it("says which file failed and takes the user to Uploads; a failure retried by itself says nothing", async () => {
    const { backend, history, user } = renderUploads();
    const [id = 0] = addFiles(backend, [{ name: "db.tar" }]);
    await aim(backend, id);
    await browseAway(history);
    drive(() => backend.uploads.begin(id));
    drive(() => {
      backend.uploads.fail(id, "network", "connection reset", true);
    });
    drive(() => {
      backend.uploads.fail(id, "unauthorized", "401 Unauthorized");
    });

    const notice = await screen.findByTestId("notice-upload-failed");
    expect(screen.getAllByTestId(/^notice-upload-/)).toHaveLength(1);
    expect(notice).toHaveTextContent("db.tar could not be pushed");
    await runAction(user, notice);
    await waitFor(() => {
      expect(history.location.pathname).toBe("/uploads");
    });
  });

  it("has the Images screen read the list again once the backend's index took a push in", async () => {
    const { backend, history } = renderUploads({ images: [mockImageRow("team-a", "web")] });
    const [id = 0] = addFiles(backend, [{ name: "web.tar" }]);
    await aim(backend, id);
    act(() => {
      history.push("/images");
    });
    await screen.findByTestId("screen-images");
    await waitFor(() => {
      expect(backend.browse.calls.queryImages.length).toBeGreaterThan(0);
    });
    const [indexReads, listReads] = [backend.browse.calls.loadImageIndex.length, backend.browse.calls.queryImages.length];

    drive(() => backend.uploads.begin(id));
    drive(() => {
      backend.uploads.finish(id);
    });
    await waitFor(() => {
      expect(backend.browse.calls.loadImageIndex.length).toBeGreaterThan(indexReads);
    });
    await waitFor(() => {
      expect(backend.browse.calls.queryImages.length).toBeGreaterThan(listReads);
    });
  });

  it("stays quiet on the Uploads screen, which shows the outcome itself", async () => {
    const { backend } = renderUploads();
    const [id = 0] = addFiles(backend, [{ name: "web.tar" }]);
    await aim(backend, id);
    drive(() => backend.uploads.begin(id));
    drive(() => {
      backend.uploads.finish(id);
    });
    expect(await screen.findByTestId("upload-image-link")).toBeInTheDocument();
    expect(screen.queryByTestId("notice-upload-pushed")).not.toBeInTheDocument();
  });
});
