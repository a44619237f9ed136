import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import type { ShareRow } from "../../ipc";
import { mockImageRow, mockViolation } from "../../ipc/mock";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { addDays, todayUtc } from "./dates";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
  stubViewport();
});

const PATH = "/images/team-a/web/sharing";

function share(account: string, extra: Partial<ShareRow> = {}): ShareRow {
  return {
    account,
    deadline: "2030-01-31T23:59:59Z",
    daysLeft: 40,
    expired: false,
    expiring: false,
    description: "",
    creator: "admin",
    created: "2026-11-01T08:00:00Z",
    ...extra,
  };
}

const SHARES = [
  share("acme", { deadline: "forever", daysLeft: null, description: "Partner builds" }),
  share("beta", { deadline: "2026-12-07T23:59:59Z", daysLeft: 3, expiring: true }),
  share("gamma", { deadline: "2026-11-30T23:59:59Z", daysLeft: 0, expired: true }),
  share("delta"),
];

const OPTIONS = {
  images: [mockImageRow("team-a", "web")],
  shares: { "team-a/web": SHARES },
};

async function findRow(account: string): Promise<HTMLElement> {
  return waitFor(() => {
    const row = screen.getAllByTestId("sharing-row").find((el) => el.dataset["account"] === account);
    if (!row) throw new Error(`no share with ${account}`);
    return row;
  });
}

/** Waits for the backend's checks to let the button through, then clicks it. */
async function clickWhenEnabled(user: { click: (el: Element) => Promise<void> }, button: HTMLElement) {
  await waitFor(() => {
    expect(button).toBeEnabled();
  });
  await user.click(button);
}

/** What the backend says of yesterday as a share's last day, and of an account name with a space. */
const YESTERDAY = addDays(todayUtc(), -1);
const RULES = {
  untilRules: [
    { until: YESTERDAY, violation: mockViolation("deadline", "deadline.past", YESTERDAY, "The expiry is already in the past; pick a later date or 'forever'.") },
  ],
  valueRules: [
    {
      kind: "shareAccount" as const,
      value: "partner corp",
      violation: mockViolation("access_domain", "access_domain.charset", "partner corp", "An account name has no spaces or control characters."),
    },
  ],
};

function accounts(): (string | undefined)[] {
  return screen.queryAllByTestId("sharing-row").map((row) => row.dataset["account"]);
}

describe("sharing", () => {
  it("lists each share with its deadline and how long it has left, warning near and after the end", async () => {
    renderBrowse(PATH, OPTIONS);
    const acme = await findRow("acme");
    expect(screen.getByTestId("sharing-tab")).toHaveTextContent(
      "A share is read-only: the account can pull the image, but never push to it, change it or delete it.",
    );
    expect(screen.getByTestId("sharing-count")).toHaveTextContent("Shared with 4 accounts");

    const expiry = (row: HTMLElement) => within(row).getByTestId("sharing-row-expiry");
    expect(within(acme).getByTestId("sharing-row-deadline")).toHaveTextContent("No end date");
    expect(expiry(acme)).toHaveTextContent("never expires");
    expect(expiry(acme)).toHaveAttribute("data-warning", "false");
    expect(acme).toHaveTextContent("Partner builds");

    const beta = await findRow("beta");
    expect(within(beta).getByTestId("sharing-row-deadline")).toHaveTextContent("Dec 7, 2026");
    expect(expiry(beta)).toHaveTextContent("expires in 3 days");
    expect(expiry(beta)).toHaveAttribute("data-warning", "true");
    expect(expiry(beta)).toHaveClass("badge-warning");

    const gamma = await findRow("gamma");
    expect(expiry(gamma)).toHaveTextContent("expired");
    expect(expiry(gamma)).toHaveAttribute("data-warning", "true");

    const delta = await findRow("delta");
    expect(within(delta).getByTestId("sharing-row-deadline")).toHaveTextContent("Jan 31, 2030, 11:59 PM");
    expect(expiry(delta)).toHaveTextContent("expires in 40 days");
    expect(expiry(delta)).toHaveAttribute("data-warning", "false");
  });

  it("shares with an account through a day and lists the new share", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    await findRow("acme");
    const day = addDays(todayUtc(), 30);
    const submit = screen.getByTestId("sharing-add-submit");
    expect(submit).toBeDisabled();

    await user.type(screen.getByTestId("sharing-add-account"), " partner-corp ");
    await user.click(screen.getByTestId("sharing-add-until"));
    expect(submit).toBeDisabled();
    await user.type(screen.getByTestId("sharing-add-date"), day);
    await user.type(screen.getByTestId("sharing-add-description"), "QA pulls nightly builds");
    await clickWhenEnabled(user, submit);

    expect(await screen.findByTestId("sharing-added")).toHaveTextContent("Shared with partner-corp.");
    expect(backend.access.shareCalls).toEqual([
      {
        action: "add",
        image: "team-a/web",
        share: { account: "partner-corp", until: day, description: "QA pulls nightly builds" },
      },
    ]);
    const row = await findRow("partner-corp");
    expect(row).toHaveTextContent("QA pulls nightly builds");
    expect(screen.getByTestId("sharing-add-account")).toHaveValue("");
  });

  it("shares for ever without a day", async () => {
    const { backend, user } = renderBrowse(PATH, { ...OPTIONS, shares: {} });
    expect(await screen.findByTestId("sharing-empty")).toHaveTextContent("This image is not shared with any account.");
    await user.type(screen.getByTestId("sharing-add-account"), "acme");
    await user.click(screen.getByTestId("sharing-add-forever"));
    await clickWhenEnabled(user, screen.getByTestId("sharing-add-submit"));

    const row = await findRow("acme");
    expect(within(row).getByTestId("sharing-row-expiry")).toHaveTextContent("never expires");
    expect(backend.access.shareCalls.map((c) => c.share)).toEqual([{ account: "acme", until: "forever", description: null }]);
  });

  it("shows the backend's rules for the account and the day as the user types, and counts the description", async () => {
    const { backend, user } = renderBrowse(PATH, { ...OPTIONS, ...RULES });
    await findRow("acme");
    const submit = screen.getByTestId("sharing-add-submit");
    const account = screen.getByTestId("sharing-add-account");

    await user.type(account, "partner corp");
    await waitFor(() => {
      expect(screen.getByTestId("sharing-add-account-problem")).toHaveTextContent("An account name has no spaces or control characters.");
    });
    expect(screen.getByTestId("sharing-add-account-problem")).toHaveAttribute("data-rule", "access_domain.charset");
    expect(account).toHaveAttribute("aria-invalid", "true");
    await user.clear(account);
    await user.type(account, "beta");
    await waitFor(() => {
      expect(screen.getByTestId("sharing-add-account-problem")).toHaveTextContent("The image is already shared with beta");
    });
    await user.clear(account);
    await user.type(account, "partner");
    await waitFor(() => {
      expect(screen.queryByTestId("sharing-add-account-problem")).not.toBeInTheDocument();
    });

    await user.type(screen.getByTestId("sharing-add-date"), YESTERDAY);
    await waitFor(() => {
      expect(screen.getByTestId("sharing-add-date-problem")).toHaveTextContent("The expiry is already in the past");
    });
    expect(submit).toBeDisabled();
    await user.click(screen.getByTestId("sharing-add-forever"));
    expect(screen.queryByTestId("sharing-add-date-problem")).not.toBeInTheDocument();
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });

    const description = screen.getByTestId("sharing-add-description");
    await user.click(description);
    await user.paste("d".repeat(1_001));
    expect(screen.getByTestId("sharing-add-description-count")).toHaveTextContent("1,001 / 1,000 characters");
    expect(screen.getByTestId("sharing-add-description-problem")).toHaveTextContent("shorten it by 1");
    expect(submit).toBeDisabled();
    await user.type(description, "{Backspace}");
    expect(submit).toBeEnabled();
    expect(backend.access.shareCalls).toEqual([]);
  });

  it("shows a rule the backend refused on its field, and other failures with the request id", async () => {
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      shareError: {
        code: "invalidInput",
        message: "The account name is not valid.",
        requestId: null,
        retryable: false,
        violation: {
          field: "access_domain",
          rule: "access_domain.charset",
          value: "partner",
          message: { en: "An account name has no control characters.", zhCn: "账号名不能包含控制字符。" },
        },
        advice: null,
      },
    });
    await findRow("acme");
    const account = screen.getByTestId("sharing-add-account");
    await user.type(account, "partner");
    await user.click(screen.getByTestId("sharing-add-forever"));
    await clickWhenEnabled(user, screen.getByTestId("sharing-add-submit"));

    const problem = await screen.findByTestId("sharing-add-account-problem");
    expect(problem).toHaveTextContent("An account name has no control characters.");
    expect(problem).toHaveAttribute("data-rule", "access_domain.charset");
    expect(problem).toHaveAttribute("role", "alert");
    expect(account).toHaveAttribute("aria-invalid", "true");
    expect(account).toHaveFocus();
    expect(account.parentElement).toContainElement(problem);
    expect(account).toHaveValue("partner");
    expect(screen.queryByTestId("sharing-add-error")).not.toBeInTheDocument();
    expect(screen.getByTestId("sharing-add-submit")).toBeDisabled();

    // Editing the name takes the refusal away.
    await user.type(account, "s");
    await waitFor(() => {
      expect(screen.queryByTestId("sharing-add-account-problem")).not.toBeInTheDocument();
    });
  });

  it("shows a failed share with its request id", async () => {
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      shareError: { code: "service", message: "SWR: account not found", requestId: "req-5", retryable: false, violation: null, advice: null },
    });
    await findRow("acme");
    await user.type(screen.getByTestId("sharing-add-account"), "nobody");
    await user.click(screen.getByTestId("sharing-add-forever"));
    await clickWhenEnabled(user, screen.getByTestId("sharing-add-submit"));

    const error = await screen.findByTestId("sharing-add-error");
    expect(error).toHaveTextContent("The image could not be shared.");
    expect(error).toHaveTextContent("SWR: account not found");
    expect(error).toHaveTextContent("Request ID: req-5");
    expect(accounts()).not.toContain("nobody");
  });

  it("changes a deadline in place and keeps the share's description", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    const acme = await findRow("acme");
    await user.click(within(acme).getByTestId("sharing-row-edit"));
    const date = within(acme).getByTestId("sharing-edit-date");
    const forever = within(acme).getByTestId("sharing-edit-forever");
    expect(forever).toBeChecked();
    expect(date).toBeDisabled();

    await user.click(forever);
    const day = addDays(todayUtc(), 10);
    await user.type(date, day);
    await clickWhenEnabled(user, within(acme).getByTestId("sharing-edit-save"));

    await waitFor(() => {
      expect(within(acme).getByTestId("sharing-row-deadline")).toHaveAttribute("data-deadline", day);
    });
    expect(within(acme).queryByTestId("sharing-edit-date")).not.toBeInTheDocument();
    expect(backend.access.shareCalls).toEqual([
      { action: "update", image: "team-a/web", share: { account: "acme", until: day, description: "Partner builds" } },
    ]);
  });

  it("offers the current day of a share when editing, and shows the backend's rule for a day that is over", async () => {
    const { backend, user } = renderBrowse(PATH, { ...OPTIONS, ...RULES });
    const delta = await findRow("delta");
    await user.click(within(delta).getByTestId("sharing-row-edit"));
    const date = within(delta).getByTestId("sharing-edit-date");
    expect(date).toHaveValue("2030-01-31");

    await user.clear(date);
    await user.type(date, YESTERDAY);
    await waitFor(() => {
      expect(within(delta).getByTestId("sharing-edit-problem")).toHaveTextContent("The expiry is already in the past");
    });
    expect(within(delta).getByTestId("sharing-edit-save")).toBeDisabled();

    await user.click(within(delta).getByTestId("sharing-edit-forever"));
    await clickWhenEnabled(user, within(delta).getByTestId("sharing-edit-save"));
    await waitFor(() => {
      expect(within(delta).getByTestId("sharing-row-expiry")).toHaveTextContent("never expires");
    });
    expect(backend.access.shareCalls.map((c) => c.share)).toEqual([{ account: "delta", until: "forever", description: null }]);
  });

  it("asks for a day when the editor's date is cleared, and shows a deadline SWR refused on the date", async () => {
    const { backend, user } = renderBrowse(PATH, {
      ...OPTIONS,
      shareError: {
        code: "invalidInput",
        message: "The deadline is not valid.",
        requestId: "req-7",
        retryable: false,
        violation: {
          field: "deadline",
          rule: "deadline.past",
          value: "",
          message: { en: "The expiry is already in the past; pick a later date or 'forever'.", zhCn: "截止日期已过，请选择更晚的日期或“永久有效”。" },
        },
        advice: null,
      },
    });
    const delta = await findRow("delta");
    await user.click(within(delta).getByTestId("sharing-row-edit"));
    const date = within(delta).getByTestId("sharing-edit-date");
    const save = within(delta).getByTestId("sharing-edit-save");

    await user.clear(date);
    const missing = await within(delta).findByTestId("sharing-edit-problem");
    expect(missing).toHaveTextContent("Choose the last day of the share, or choose Never expires.");
    expect(missing).toHaveAttribute("data-rule", "required");
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(save).toBeDisabled();

    const day = addDays(todayUtc(), 10);
    await user.type(date, day);
    await waitFor(() => {
      expect(within(delta).queryByTestId("sharing-edit-problem")).not.toBeInTheDocument();
    });
    await clickWhenEnabled(user, save);

    const refused = await within(delta).findByTestId("sharing-edit-problem");
    expect(refused).toHaveTextContent("The expiry is already in the past");
    expect(refused).toHaveTextContent("Request ID: req-7");
    expect(refused).toHaveAttribute("data-rule", "deadline.past");
    expect(refused).toHaveAttribute("role", "alert");
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveFocus();
    expect(date).toHaveValue(day);
    expect(within(delta).queryByTestId("sharing-edit-error")).not.toBeInTheDocument();
    expect(save).toBeDisabled();
    expect(backend.access.shareCalls).toEqual([
      { action: "update", image: "team-a/web", share: { account: "delta", until: day, description: null } },
    ]);

    // Choosing another deadline takes the refusal away.
    await user.click(within(delta).getByTestId("sharing-edit-forever"));
    await waitFor(() => {
      expect(within(delta).queryByTestId("sharing-edit-problem")).not.toBeInTheDocument();
    });
    expect(save).toBeEnabled();
  });

  it("shows any other failure of the editor with its request id until the deadline changes", async () => {
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      shareError: { code: "service", message: "SWR: share not found", requestId: "req-8", retryable: false, violation: null, advice: null },
    });
    const acme = await findRow("acme");
    await user.click(within(acme).getByTestId("sharing-row-edit"));
    await user.click(within(acme).getByTestId("sharing-edit-forever"));
    await user.type(within(acme).getByTestId("sharing-edit-date"), addDays(todayUtc(), 3));
    await clickWhenEnabled(user, within(acme).getByTestId("sharing-edit-save"));

    const error = await within(acme).findByTestId("sharing-edit-error");
    expect(error).toHaveTextContent("The deadline could not be changed.");
    expect(error).toHaveTextContent("SWR: share not found");
    expect(error).toHaveTextContent("Request ID: req-8");
    expect(within(acme).queryByTestId("sharing-edit-problem")).not.toBeInTheDocument();

    await user.click(within(acme).getByTestId("sharing-edit-forever"));
    expect(within(acme).queryByTestId("sharing-edit-error")).not.toBeInTheDocument();
  });

  it("asks before it stops sharing, and stops nothing when cancelled", async () => {
    const { backend, user } = renderBrowse(PATH, OPTIONS);
    const beta = await findRow("beta");
    await user.click(within(beta).getByTestId("sharing-row-remove"));

    const dialog = await screen.findByTestId("sharing-remove-confirm");
    expect(dialog).toHaveTextContent("Stop sharing with beta?");
    expect(dialog).toHaveTextContent("beta will no longer be able to pull team-a/web.");
    expect(backend.access.shareCalls).toEqual([]);
    await user.click(within(dialog).getByText("Cancel", { selector: "footer button" }));
    await waitFor(() => {
      expect(screen.queryByTestId("sharing-remove-confirm")).not.toBeInTheDocument();
    });
    expect(backend.access.shareCalls).toEqual([]);
    expect(accounts()).toContain("beta");

    await user.click(within(await findRow("beta")).getByTestId("sharing-row-remove"));
    await user.click(within(await screen.findByTestId("sharing-remove-confirm")).getByTestId("sharing-remove-ok"));
    await waitFor(() => {
      expect(accounts()).toEqual(["acme", "delta", "gamma"]);
    });
    expect(screen.queryByTestId("sharing-remove-confirm")).not.toBeInTheDocument();
    expect(backend.access.shareCalls).toEqual([{ action: "remove", image: "team-a/web", share: "beta" }]);
  });

  it("explains that a public image cannot be shared and disables the form", async () => {
    renderBrowse(PATH, {
      ...OPTIONS,
      attributes: { "team-a/web": { isPublic: true, category: "linux", description: "" } },
    });
    const note = await screen.findByTestId("sharing-public-note");
    expect(note).toHaveTextContent("This image is public: anyone can already pull it without logging in, so it cannot be shared.");
    expect(within(note).getByRole("link", { name: "Change visibility" })).toHaveAttribute("href", "/images/team-a/web/attributes");
    expect(screen.getByTestId("sharing-add-account")).toBeDisabled();
    expect(screen.getByTestId("sharing-add-forever")).toBeDisabled();
    expect(screen.getByTestId("sharing-add-submit")).toBeDisabled();
  });

  it("shows the note once the image is made public on the Attributes tab", async () => {
    const { user } = renderBrowse("/images/team-a/web/attributes", OPTIONS);
    await user.click(await screen.findByTestId("attributes-visibility-public"));
    await user.click(within(await screen.findByTestId("attributes-confirm")).getByTestId("attributes-confirm-ok"));
    await user.click(screen.getByTestId("attributes-save"));
    await screen.findByTestId("attributes-saved");

    await user.click(screen.getByTestId("tab-sharing"));
    expect(await screen.findByTestId("sharing-public-note")).toBeInTheDocument();
    expect(screen.getByTestId("sharing-add-account")).toBeDisabled();
  });
});

describe("sharing in Chinese", () => {
  it("leaves no English on the tab, apart from names and data", async () => {
    stubSystemLanguage("zh-CN");
    const { user } = renderBrowse(PATH, {
      ...OPTIONS,
      attributes: { "team-a/web": { isPublic: true, category: "linux", description: "" } },
    });
    const beta = await findRow("beta");
    expect(within(beta).getByTestId("sharing-row-expiry")).toHaveTextContent("3 天后到期");
    await user.click(within(beta).getByTestId("sharing-row-edit"));
    await user.click(within(await findRow("gamma")).getByTestId("sharing-row-remove"));
    await screen.findByTestId("sharing-remove-confirm");

    // Account names, the description and creator of a share, and proper names.
    const data = /acme|beta|gamma|delta|admin|Partner builds|team-a\/web|UTC|IAM/g;
    const tab = screen.getByTestId("sharing-tab");
    const texts: string[] = [];
    const walker = document.createTreeWalker(tab, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) texts.push(node.textContent ?? "");
    for (const element of tab.querySelectorAll("[aria-label], [title], [placeholder]")) {
      for (const name of ["aria-label", "title", "placeholder"]) texts.push(element.getAttribute(name) ?? "");
    }
    expect(tab).toHaveTextContent("此镜像是公开的");
    const english = texts.map((text) => text.replace(data, "")).filter((text) => /[A-Za-z]{2,}/.test(text));
    expect(english).toEqual([]);
  });
});
