import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import type { Matrix, PermissionList } from "../../ipc";
import { choicesOf, choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const TEAM: PermissionList = {
  scope: { organization: "team-a", image: null },
  own: { userId: "me", userName: "admin", level: "manage" },
  users: [{ userId: "u-alice", userName: "alice", level: "read" }],
};

const NONE = { level: null, origin: null } as const;

const MATRIX: Matrix = {
  organization: null,
  columns: ["team-a", "team-b"],
  users: [
    { userId: "me", userName: "admin", own: true },
    { userId: "u-alice", userName: "alice", own: false },
    { userId: "u-bob", userName: "bob", own: false },
  ],
  cells: [
    [
      { level: "manage", origin: "own" },
      { level: "manage", origin: "own" },
    ],
    [
      { level: "read", origin: "organization" },
      { level: null, origin: null },
    ],
    [
      { level: null, origin: null },
      { level: "write", origin: "organization" },
    ],
  ],
};

async function userRow(name: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId("permission-row").find((el) => el.dataset["user"] === name);
    if (!row) throw new Error(`no row for ${name}`);
    return row;
  });
}

describe("an organization's users", () => {
  it("shows the diff before anything is applied, then each item's result", async () => {
    const { backend, user } = renderBrowse("/organizations/team-a/users", {
      permissions: { "team-a": TEAM },
      matrix: MATRIX,
    });
    const alice = await userRow("alice");
    expect(alice).toHaveAttribute("data-level", "read");
    expect(await userRow("admin")).toHaveAttribute("data-own", "true");

    await choose(user, within(alice).getByTestId("permission-row-level"), "write");
    const diff = await screen.findByTestId("permission-diff");
    expect(backend.access.plannedWishes).toEqual([
      [{ scope: { organization: "team-a", image: null }, userId: "u-alice", userName: "alice", level: "write" }],
    ]);
    expect(backend.access.appliedPlans).toEqual([]);
    const item = await within(diff).findByTestId("permission-diff-item");
    expect(item).toHaveAttribute("data-scope", "team-a");

    await user.click(within(diff).getByTestId("permission-diff-apply"));
    expect(await within(diff).findByTestId("permission-result")).toHaveAttribute("data-status", "done");
    expect(backend.access.appliedPlans).toHaveLength(1);
  });

  it("names what failed in a half-applied change, with its request id", async () => {
    const failed = {
      item: {
        scope: { organization: "team-a", image: null },
        userId: "u-alice",
        userName: "alice",
        before: "read" as const,
        after: null,
        action: "revoke" as const,
      },
      status: { status: "failed" as const, message: "SWR answered 403", requestId: "req-42" },
    };
    const { user } = renderBrowse("/organizations/team-a/users", {
      permissions: { "team-a": TEAM },
      matrix: MATRIX,
      permissionOutcome: { results: [failed], done: 0, failed: 1 },
    });
    await user.click(within(await userRow("alice")).getByTestId("permission-row-revoke"));
    const diff = await screen.findByTestId("permission-diff");
    await user.click(await within(diff).findByTestId("permission-diff-apply"));
    const result = await within(diff).findByTestId("permission-result");
    expect(result).toHaveAttribute("data-status", "failed");
    expect(result).toHaveTextContent("SWR answered 403");
    expect(result).toHaveTextContent("req-42");
    expect(within(diff).getByTestId("permission-result-summary")).toHaveTextContent("0 applied, 1 failed");
  });

  it("offers users known from other grants, and explains why others are typed", async () => {
    const { backend, user } = renderBrowse("/organizations/team-a/users", {
      permissions: { "team-a": TEAM },
      matrix: MATRIX,
    });
    const picker = await screen.findByTestId("permission-add-user");
    await waitFor(() => {
      expect(picker).toHaveTextContent("Choose a user");
    });
    await waitFor(async () => {
      expect(await choicesOf(user, picker)).toEqual(["bob", "Other user…"]);
    });
    await choose(user, picker, "__other__");
    expect(screen.getByText(/SWR has no call that lists IAM users/)).toBeInTheDocument();
    await user.type(screen.getByTestId("permission-add-user-name"), "carol");
    await user.type(screen.getByTestId("permission-add-user-id"), "u-carol");
    await choose(user, screen.getByTestId("permission-add-level"), "manage");
    await user.click(screen.getByTestId("permission-add-submit"));
    await screen.findByTestId("permission-diff");
    expect(backend.access.plannedWishes.at(-1)).toEqual([
      { scope: { organization: "team-a", image: null }, userId: "u-carol", userName: "carol", level: "manage" },
    ]);
  });

  it("asks for the name and ID of a typed user, and grants a user offered without them", async () => {
    const { backend, user } = renderBrowse("/organizations/team-a/users", {
      permissions: { "team-a": TEAM },
      matrix: MATRIX,
    });
    const picker = await screen.findByTestId("permission-add-user");
    const submit = screen.getByTestId("permission-add-submit");
    await waitFor(async () => {
      expect(await choicesOf(user, picker)).toEqual(["bob", "Other user…"]);
    });
    expect(submit).toBeDisabled();

    await choose(user, picker, "__other__");
    const name = screen.getByTestId("permission-add-user-name");
    const id = screen.getByTestId("permission-add-user-id");
    expect(screen.queryByTestId("permission-add-user-name-problem")).not.toBeInTheDocument();
    await user.type(name, "carol");
    await user.clear(name);
    const missing = await screen.findByTestId("permission-add-user-name-problem");
    expect(missing).toHaveTextContent("Enter the IAM user name.");
    expect(missing).toHaveAttribute("data-rule", "required");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(screen.queryByTestId("permission-add-user-id-problem")).not.toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.type(name, "carol");
    await user.type(id, " ");
    await waitFor(() => {
      expect(screen.getByTestId("permission-add-user-id-problem")).toHaveTextContent("Enter the IAM user ID.");
    });
    expect(screen.queryByTestId("permission-add-user-name-problem")).not.toBeInTheDocument();
    expect(submit).toBeDisabled();

    await choose(user, picker, "bob");
    expect(screen.queryByTestId("permission-add-user-name")).not.toBeInTheDocument();
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    await user.click(submit);
    await screen.findByTestId("permission-diff");
    expect(backend.access.plannedWishes.at(-1)).toEqual([
      { scope: { organization: "team-a", image: null }, userId: "u-bob", userName: "bob", level: "read" },
    ]);
  });

  it("asks in Chinese for a typed user's name", async () => {
    stubSystemLanguage("zh-CN");
    const { user } = renderBrowse("/organizations/team-a/users", {
      permissions: { "team-a": TEAM },
      matrix: MATRIX,
    });
    const picker = await screen.findByTestId("permission-add-user");
    await waitFor(async () => {
      expect(await choicesOf(user, picker)).toEqual(["bob", "其他用户…"]);
    });
    await choose(user, picker, "__other__");
    const name = screen.getByTestId("permission-add-user-name");
    await user.type(name, "carol");
    await user.clear(name);
    expect(await screen.findByTestId("permission-add-user-name-problem")).toHaveTextContent("请输入 IAM 用户名。");
  });
});

describe("the matrix", () => {
  it("selects every other user with the header box, or a Shift range, never your own row", async () => {
    const carol = { userId: "u-carol", userName: "carol", own: false };
    const matrix: Matrix = { ...MATRIX, users: [...MATRIX.users, carol], cells: [...MATRIX.cells, [NONE, NONE]] };
    const { user } = renderBrowse("/permissions", { matrix });
    await screen.findAllByTestId("matrix-cell");
    const boxes = () => screen.getAllByTestId("matrix-row").map((row) => within(row).getByTestId<HTMLInputElement>("row-select").checked);
    const all = screen.getByTestId("permission-matrix-select-all");

    await user.click(all);
    expect(boxes()).toEqual([false, true, true, true]);
    expect(all).toBeChecked();
    expect(screen.getByText("3 user(s) × 0 column(s) selected")).toBeInTheDocument();
    await user.click(all);
    expect(boxes()).toEqual([false, false, false, false]);

    // alice, then Shift on carol: bob between them is selected too.
    const [, alice, , last] = screen.getAllByTestId("row-select");
    await user.click(alice ?? all);
    await user.keyboard("{Shift>}");
    await user.click(last ?? all);
    await user.keyboard("{/Shift}");
    expect(boxes()).toEqual([false, true, true, true]);
  });

  it("shows where each level comes from and plans one wish per selected user and column", async () => {
    const { backend, user } = renderBrowse("/permissions", { matrix: MATRIX });
    const cells = await screen.findAllByTestId("matrix-cell");
    const cell = cells.find((c) => c.dataset["user"] === "bob" && c.dataset["column"] === "team-b");
    expect(cell).toHaveAttribute("data-level", "write");
    expect(cell).toHaveTextContent("from the organization");

    const pick = (id: string, attr: string, value: string) => {
      const box = screen.getAllByTestId(id).find((el) => el.dataset[attr] === value);
      if (!box) throw new Error(`no ${id} ${value}`);
      return box;
    };
    // Your own level is not changed from here, so your row cannot be selected.
    expect(within(pick("matrix-row", "user", "admin")).getByTestId("row-select")).toBeDisabled();
    await user.click(within(pick("matrix-row", "user", "alice")).getByTestId("row-select"));
    await user.click(within(pick("matrix-row", "user", "bob")).getByTestId("row-select"));
    await user.click(pick("matrix-select-column", "column", "team-a"));
    await user.click(pick("matrix-select-column", "column", "team-b"));
    await choose(user, screen.getByTestId("bulk-level"), "read");
    await user.click(screen.getByTestId("bulk-apply"));
    const diff = await screen.findByTestId("permission-diff");
    const all = vi.spyOn(backend, "organizationMatrix");
    const images = vi.spyOn(backend, "imageMatrix");
    await user.click(await within(diff).findByTestId("permission-diff-apply"));
    await within(diff).findAllByTestId("permission-result");
    // The matrix is read again as the matrix of every organization.
    await waitFor(() => {
      expect(all).toHaveBeenCalledWith("p1", []);
    });
    expect(images).not.toHaveBeenCalled();
    const wishes = backend.access.plannedWishes.at(-1) ?? [];
    expect(wishes.map((w) => `${w.userName}@${w.scope.organization}=${w.level ?? "none"}`)).toEqual([
      "alice@team-a=read",
      "alice@team-b=read",
      "bob@team-a=read",
      "bob@team-b=read",
    ]);
  });
});
