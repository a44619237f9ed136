import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import { mockImageRow, mockViolation } from "../../ipc/mock";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { findImageRow, renderBrowse, stubViewport } from "./testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const OPTIONS = {
  valueRules: [
    {
      kind: "organization" as const,
      value: "Bad",
      violation: mockViolation("namespace", "namespace.uppercase", "Bad", "Organization name must be lower case; write 'bad'."),
    },
  ],
  images: [mockImageRow("team-a", "web"), mockImageRow("team-a", "api"), mockImageRow("team-b", "cli")],
  organizationRefusals: {
    "team-a": {
      code: "invalidInput" as const,
      message: "team-a still has 2 images; delete them first",
      requestId: "req-3",
      retryable: false,
      violation: null, advice: null,
    },
  },
};

async function findOrganization(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId("organization-row").find((el) => el.dataset["organization"] === name);
    if (!row) throw new Error(`no row for ${name}`);
    return row;
  });
}

describe("organizations", () => {
  it("sorts by name first, then by the header clicked, most images first, and opens an organization's images with Enter", async () => {
    const { user, history } = renderBrowse("/organizations", OPTIONS);
    await findOrganization("team-b");
    const order = () => screen.getAllByTestId("organization-row").map((row) => row.dataset["organization"]);
    expect(order()).toEqual(["audit", "team-a", "team-b"]);

    await user.click(screen.getByTestId("sort-images"));
    expect(order()).toEqual(["team-a", "team-b", "audit"]);
    await user.click(screen.getByTestId("sort-images"));
    expect(order()).toEqual(["audit", "team-b", "team-a"]);

    (await findOrganization("team-b")).focus();
    await user.keyboard("{Enter}");
    await waitFor(() => {
      expect(history.location.search).toContain("organization=team-b");
    });
  });

  it("lists each organization with the permission and its image count", async () => {
    renderBrowse("/organizations", OPTIONS);
    const a = await findOrganization("team-a");
    expect(a).toHaveTextContent("Manage");
    expect(a).toHaveTextContent("2");
    expect(await findOrganization("team-b")).toHaveTextContent("Write");
    expect(await findOrganization("audit")).toHaveTextContent("Read");
  });

  it("links to the images of one organization", async () => {
    const { backend, user, history } = renderBrowse("/organizations", OPTIONS);
    await user.click(within(await findOrganization("team-b")).getByTestId("organization-images"));
    await findImageRow("team-a/web");
    expect(history.location.search).toContain("organization=team-b");
    expect(backend.browse.lastImageQuery?.organization).toBe("team-b");
  });

  it("creates an organization and shows the backend's refusal of a bad name", async () => {
    const { user } = renderBrowse("/organizations", OPTIONS);
    await findOrganization("team-a");
    const input = screen.getByTestId("organization-create-name");
    await user.type(input, "Bad");
    await user.click(screen.getByTestId("organization-create"));
    expect(await screen.findByTestId("organization-create-error")).toHaveTextContent("Organization name must be lower case");
    expect(input).toHaveAttribute("aria-invalid", "true");

    await user.clear(input);
    await user.type(input, "team-c");
    await user.click(screen.getByTestId("organization-create"));
    expect(await findOrganization("team-c")).toHaveTextContent("Manage");
  });

  it("deletes only after the name is typed, and shows a refusal in the dialog", async () => {
    const { backend, user } = renderBrowse("/organizations", OPTIONS);
    await user.click(within(await findOrganization("team-a")).getByTestId("organization-delete"));
    const dialog = await screen.findByTestId("organization-delete-dialog");
    const confirm = within(dialog).getByTestId("organization-delete-confirm");
    expect(confirm).toBeDisabled();
    await user.type(within(dialog).getByTestId("organization-delete-input"), "team-a");
    await user.click(confirm);

    const refusal = await within(dialog).findByTestId("organization-delete-error");
    expect(refusal).toHaveTextContent("team-a still has 2 images; delete them first");
    expect(refusal).toHaveTextContent("Request ID: req-3");
    expect(backend.browse.calls.deleteOrganization).toEqual(["team-a"]);
    await user.click(within(dialog).getAllByRole("button", { name: "Cancel" }).at(-1) ?? dialog);

    await user.click(within(await findOrganization("audit")).getByTestId("organization-delete"));
    await user.type(within(await screen.findByTestId("organization-delete-dialog")).getByTestId("organization-delete-input"), "audit");
    await user.click(screen.getByTestId("organization-delete-confirm"));
    await waitFor(() => {
      expect(screen.queryAllByTestId("organization-row").map((r) => r.dataset["organization"])).toEqual(["team-a", "team-b"]);
    });
  });
});
