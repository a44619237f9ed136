// Every screen, as a keyboard or screen-reader user meets it, checked by axe-core: no serious or
// critical violation (names of controls, roles and their required children, ARIA attributes,
// labels, landmarks, unique ids).

import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { renderBrowse, stubViewport } from "../features/browse/testing";
import { addFiles, findItem, mockImage, mockValidation, renderUploads } from "../features/uploads/testing";
import { mockImageRow, mockTagRow } from "../ipc/mock";
import { seriousViolations } from "./axe";
import { renderApp, stubSystemLanguage, stubSystemTheme } from "./renderApp";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const DATA = {
  images: [mockImageRow("team-a", "web"), mockImageRow("team-a", "api"), mockImageRow("team-b", "worker")],
  tags: { "team-a/web": [mockTagRow("v1.1"), mockTagRow("v1.0"), mockTagRow("latest")] },
};

/** Screens, each with a test id that says it has rendered its content. */
const SCREENS: [path: string, ready: string][] = [
  ["/dashboard", "dashboard-account"],
  ["/uploads", "screen-uploads"],
  ["/images", "image-row"],
  ["/organizations", "organization-row"],
  ["/permissions", "screen-permissions"],
  ["/journal", "screen-journal"],
  ["/settings", "screen-settings"],
  ["/images/team-a/web", "image-page"],
  ["/images/team-a/web/tags", "tag-row"],
  ["/images/team-a/web/attributes", "attributes-tab"],
  ["/images/team-a/web/permissions", "permissions-tab"],
  ["/images/team-a/web/sharing", "sharing-tab"],
  ["/images/team-a/web/triggers", "triggers-tab"],
  ["/images/team-a/web/retention", "retention-tab"],
  ["/images/team-a/web/sync", "sync-tab"],
];

describe("accessibility", () => {
  it.each(SCREENS)("%s has no serious violation", async (path, ready) => {
    const { container } = renderBrowse(path, DATA);
    await screen.findAllByTestId(ready);
    expect(await seriousViolations(container)).toEqual([]);
  }, 20_000);

  it("finds what it looks for: a button without a name, a field without a label", async () => {
    const root = document.createElement("main");
    root.innerHTML = '<button type="button"></button><input type="text">';
    document.body.append(root);
    const found = await seriousViolations(root);
    root.remove();
    expect(found.map((v) => v.split(" ")[0])).toEqual(["button-name", "label"]);
  });

  it("the first-run wizard has no serious violation", async () => {
    const { container } = renderApp({ path: "/profiles" });
    await screen.findByTestId("wizard-region-cn-north-4");
    expect(await seriousViolations(container)).toEqual([]);
  });

  it("an upload item's target form, with a problem on its fields, has no serious violation", async () => {
    const { backend, user } = renderUploads();
    addFiles(backend, [{ name: "multi.tar", validation: mockValidation("multi.tar", [mockImage([]), mockImage(["api:1"])]) }]);
    const item = await findItem("multi.tar");
    await screen.findByText("This image has no tag in the archive: give it a name.");
    await user.click(screen.getByTestId("upload-org-create"));
    expect(await seriousViolations(item)).toEqual([]);
  }, 20_000);
});
