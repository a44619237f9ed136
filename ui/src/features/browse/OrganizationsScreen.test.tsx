import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError } from "../../ipc";
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

  it("checks a new name with the backend's rules as it is typed, then creates the organization", async () => {
    const { backend, user } = renderBrowse("/organizations", OPTIONS);
    await findOrganization("team-a");
    const create = vi.spyOn(backend, "createOrganization");
    const input = screen.getByTestId("organization-create-name");
    const submit = screen.getByTestId("organization-create");
    expect(submit).toBeDisabled();
    expect(screen.queryByTestId("organization-create-name-problem")).not.toBeInTheDocument();

    await user.type(input, "Bad");
    const problem = await screen.findByTestId("organization-create-name-problem");
    expect(problem).toHaveTextContent("Organization name must be lower case");
    expect(problem).toHaveAttribute("data-rule", "namespace.uppercase");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(submit).toBeDisabled();

    await user.clear(input);
    await waitFor(() => {
      expect(screen.getByTestId("organization-create-name-problem")).toHaveTextContent("Enter the name of the new organization.");
    });
    expect(submit).toBeDisabled();

    await user.type(input, "team-c");
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    expect(screen.queryByTestId("organization-create-name-problem")).not.toBeInTheDocument();
    expect(input).not.toHaveAttribute("aria-invalid");
    await user.click(submit);
    expect(await findOrganization("team-c")).toHaveTextContent("Manage");
    expect(screen.getByRole("status")).toHaveTextContent("Created team-c.");
    expect(create.mock.calls.map(([, name]) => name)).toEqual(["team-c"]);
    expect(input).toHaveValue("");
    expect(submit).toBeDisabled();
  });

  it("puts a name SWR refuses on the field with the request id, and any other failure under the form", async () => {
    const { backend, user } = renderBrowse("/organizations", OPTIONS);
    await findOrganization("team-a");
    const input = screen.getByTestId("organization-create-name");
    const submit = screen.getByTestId("organization-create");
    vi.spyOn(backend, "createOrganization").mockRejectedValueOnce(
      new CommandError({
        code: "invalidInput",
        message: "reserved",
        requestId: "req-5",
        retryable: false,
        violation: mockViolation("namespace", "namespace.reserved", "team-x", "The organization name is reserved."),
        advice: null,
      }),
    );

    await user.type(input, "team-x");
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    await user.click(submit);
    const problem = await screen.findByTestId("organization-create-name-problem");
    expect(problem).toHaveTextContent("The organization name is reserved.");
    expect(problem).toHaveTextContent("Request ID: req-5");
    expect(problem).toHaveAttribute("role", "alert");
    expect(input).toHaveFocus();
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("organization-create-error")).not.toBeInTheDocument();
    expect(submit).toBeDisabled();

    // An organization that exists already is refused without a rule: the failure shows whole.
    await user.clear(input);
    await user.type(input, "team-a");
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    expect(screen.queryByTestId("organization-create-name-problem")).not.toBeInTheDocument();
    await user.click(submit);
    expect(await screen.findByTestId("organization-create-error")).toHaveTextContent("the organization team-a already exists");
    expect(input).toHaveValue("team-a");

    // Editing the name takes the failure away.
    await user.type(input, "2");
    expect(screen.queryByTestId("organization-create-error")).not.toBeInTheDocument();
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
