import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";

import { CommandError } from "../../ipc";
import { MOCK_GOOD_SK, mockViolation } from "../../ipc/mock";
import { choose } from "../../test/choose";
import { renderApp, stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";

beforeEach(() => {
  stubSystemLanguage("en-US");
  stubSystemTheme("light");
});

async function chooseRegionAndFill(user: ReturnType<typeof renderApp>["user"], sk: string) {
  await user.type(await screen.findByTestId("wizard-region-search"), "hong");
  expect(screen.queryByTestId("wizard-region-cn-north-4")).not.toBeInTheDocument();
  await user.click(within(screen.getByTestId("wizard-region-ap-southeast-1")).getByRole("radio"));
  await user.click(screen.getByTestId("wizard-next"));
  await user.type(screen.getByTestId("wizard-name"), "Hong Kong CI");
  await user.type(screen.getByTestId("wizard-ak"), "HPUAWIZARD0000000001");
  if (sk !== "") await user.type(screen.getByTestId("wizard-sk"), sk);
}

describe("profile wizard", () => {
  it("groups the regions by area, finds them by area or city, and marks the chosen region and the step", async () => {
    const { user } = renderApp({ path: "/profiles" });
    const asia = (await screen.findByRole("heading", { name: "Asia Pacific" })).closest("section");
    if (!asia) throw new Error("no Asia Pacific group");
    const ids = (root: HTMLElement) => within(root).getAllByRole("radio").map((r) => (r as HTMLInputElement).value);
    // Hong Kong is an Asia Pacific region, whatever its console name says.
    expect(ids(asia)).toEqual(["ap-southeast-1", "ap-southeast-3"]);
    expect(screen.getByRole("heading", { name: "Chinese Mainland" })).toBeInTheDocument();

    const search = screen.getByTestId("wizard-region-search");
    await user.type(search, "asia");
    expect(ids(screen.getByTestId("wizard-regions"))).toEqual(["ap-southeast-1", "ap-southeast-3"]);
    await user.clear(search);
    await user.type(search, "singa");
    expect(ids(screen.getByTestId("wizard-regions"))).toEqual(["ap-southeast-3"]);
    await user.clear(search);
    await user.type(search, "atlantis");
    expect(screen.getByTestId("wizard-region-none")).toHaveTextContent("No region matches “atlantis”.");
    await user.clear(search);

    const hongKong = screen.getByTestId("wizard-region-ap-southeast-1");
    expect(screen.getByTestId("wizard-next")).toBeDisabled();
    await user.click(within(hongKong).getByRole("radio"));
    expect(hongKong).toHaveAttribute("data-selected", "true");
    expect(within(hongKong).getByRole("radio")).toBeChecked();
    expect(screen.getByTestId("wizard-region-ap-southeast-3")).toHaveAttribute("data-selected", "false");

    expect(screen.getByTestId("wizard-step-region")).toHaveAttribute("aria-current", "step");
    await user.click(screen.getByTestId("wizard-next"));
    expect(screen.getByTestId("wizard-step-region")).toHaveAttribute("data-state", "done");
    expect(screen.getByTestId("wizard-step-credentials")).toHaveAttribute("aria-current", "step");
    expect(screen.getByTestId("wizard-step-verify")).toHaveAttribute("data-state", "upcoming");
  });

  it("is the first-run screen, names a wrong secret key, then shows masked logins", async () => {
    const { backend, user } = renderApp({ path: "/profiles" });

    await chooseRegionAndFill(user, "not-the-right-key");
    await user.click(screen.getByTestId("wizard-save-verify"));

    const failure = await screen.findByTestId("wizard-verify-result");
    expect(failure).toHaveAttribute("data-failure", "wrongCredentials");
    expect(failure).toHaveTextContent("SWR rejected the access key");
    expect(failure).toHaveTextContent("mock-request-1");

    await user.click(screen.getByTestId("wizard-back"));
    // The stored key is not shown again; typing a new one replaces it.
    expect(screen.getByTestId("wizard-sk")).toHaveValue("");
    await user.type(screen.getByTestId("wizard-sk"), MOCK_GOOD_SK);
    await user.click(screen.getByTestId("wizard-save-verify"));

    expect(await screen.findByTestId("wizard-verify-result")).toHaveAttribute("data-state", "verified");
    expect(backend.storedSecrets.get("HPUAWIZARD0000000001")).toEqual({
      value: MOCK_GOOD_SK,
      persistence: "keyring",
    });
    expect(await screen.findByTestId("header-profile-name")).toHaveTextContent("Hong Kong CI");

    await user.click(screen.getByTestId("wizard-next"));
    const docker = await screen.findByTestId("login-text-docker");
    expect(docker).toHaveTextContent("********");
    expect(docker).not.toHaveTextContent("key-of-");
    expect(screen.getByTestId("login-long-term-warning")).toHaveTextContent("never expires");

    await user.click(screen.getByTestId("login-reveal-docker"));
    expect(await screen.findByText(/key-of-HPUAWIZARD0000000001/)).toBeInTheDocument();
    await user.click(screen.getByTestId("login-reveal-docker"));
    expect(screen.getByTestId("login-text-docker")).toHaveTextContent("********");
  });

  it("copies a login through the backend without revealing it on the page", async () => {
    const { backend, user } = renderApp({ path: "/profiles" });
    await chooseRegionAndFill(user, MOCK_GOOD_SK);
    await user.click(screen.getByTestId("wizard-save-verify"));
    await user.click(await screen.findByTestId("wizard-next"));
    await user.click(await screen.findByTestId("login-copy-podman"));

    expect(await screen.findByText(/clipboard is cleared in 60 seconds/)).toBeInTheDocument();
    expect(backend.clipboard).toContain("key-of-HPUAWIZARD0000000001");
    // Copying did not put the key on the page.
    expect(document.body.innerHTML).not.toContain("key-of-");
  });

  it("offers a session-only key when there is no keyring", async () => {
    const { backend, user } = renderApp({ path: "/profiles", noKeyring: true });
    await chooseRegionAndFill(user, MOCK_GOOD_SK);
    await user.click(screen.getByTestId("wizard-save-verify"));

    expect(await screen.findByTestId("wizard-keyring-missing")).toHaveTextContent("no system keyring");
    expect(backend.storedSecrets.size).toBe(0);
    await user.click(screen.getByTestId("wizard-keep-session"));

    expect(await screen.findByTestId("wizard-verify-result")).toHaveAttribute("data-state", "verified");
    expect(backend.storedSecrets.get("HPUAWIZARD0000000001")?.persistence).toBe("session");
  });

  it("imports credentials.csv without the secret key coming back to the screen", async () => {
    const { backend, user } = renderApp({ path: "/profiles" });
    await user.click(within(await screen.findByTestId("wizard-region-cn-north-4")).getByRole("radio"));
    await user.click(screen.getByTestId("wizard-next"));
    const csv = new File(
      [`\uFEFFUser Name,Access Key Id,Secret Access Key\r\nci-bot,HPUACSV0000000000001,${MOCK_GOOD_SK}\r\n`],
      "credentials.csv",
      { type: "text/csv" },
    );
    await user.upload(screen.getByTestId("wizard-csv"), csv);

    expect(await screen.findByTestId("wizard-imported")).toHaveTextContent("ci-bot");
    expect(screen.getByTestId("wizard-ak")).toHaveValue("HPUACSV0000000000001");
    expect(screen.getByTestId("wizard-name")).toHaveValue("ci-bot");
    expect(screen.queryByTestId("wizard-sk")).not.toBeInTheDocument();
    expect(document.body.innerHTML).not.toContain(MOCK_GOOD_SK);

    await user.click(screen.getByTestId("wizard-save-verify"));
    expect(await screen.findByTestId("wizard-verify-result")).toHaveAttribute("data-state", "verified");
    expect(backend.storedSecrets.get("HPUACSV0000000000001")?.value).toBe(MOCK_GOOD_SK);
  });

  it("shows the backend's rule on the field it is about, in the user's language, and saves nothing", async () => {
    const plainHttp = {
      field: "endpoints.api",
      value: "http://swr.example.com",
      violation: {
        field: "endpoints.api",
        rule: "endpoint.plainHttp",
        value: "http://swr.example.com",
        message: { en: "Plain http is allowed only for this computer.", zhCn: "仅本机地址可以使用明文 http。" },
      },
    };
    for (const [language, text] of [["en-US", "Plain http is allowed only for this computer."], ["zh-CN", "仅本机地址可以使用明文 http。"]] as const) {
      stubSystemLanguage(language);
      const { backend, user, unmount } = renderApp({ path: "/profiles", profileRules: [plainHttp] });
      await chooseRegionAndFill(user, MOCK_GOOD_SK);
      const save = vi.spyOn(backend, "saveProfile");
      await user.type(screen.getByTestId("wizard-api-endpoint"), "http://swr.example.com");
      await user.click(screen.getByTestId("wizard-save-verify"));

      const field = screen.getByTestId("wizard-api-endpoint").closest(".field");
      expect(field).not.toBeNull();
      expect(await within(field as HTMLElement).findByText(text)).toBeInTheDocument();
      expect(screen.getByTestId("wizard-registry").closest(".field")).not.toHaveTextContent(text);
      expect(save).not.toHaveBeenCalled();
      unmount();
    }
  }, 20_000);
  it("asks for the secret key of a new profile, and puts it where the focus goes", async () => {
    const { backend, user } = renderApp({ path: "/profiles" });
    await chooseRegionAndFill(user, "");
    const save = vi.spyOn(backend, "saveProfile");
    await user.click(screen.getByTestId("wizard-save-verify"));

    const problem = await screen.findByTestId("wizard-sk-problem");
    expect(problem).toHaveTextContent("Required");
    expect(screen.getByTestId("wizard-sk")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("wizard-sk")).toHaveFocus();
    expect(screen.getByTestId("wizard-step-credentials")).toHaveAttribute("aria-current", "step");
    expect(save).not.toHaveBeenCalled();

    await user.type(screen.getByTestId("wizard-sk"), MOCK_GOOD_SK);
    await waitFor(() => {
      expect(screen.queryByTestId("wizard-sk-problem")).not.toBeInTheDocument();
    });
  });

  it("brings a rule SWR refused on saving back to its field, with the request id", async () => {
    const { backend, user } = renderApp({ path: "/profiles" });
    await chooseRegionAndFill(user, MOCK_GOOD_SK);
    vi.spyOn(backend, "saveProfile").mockRejectedValueOnce(
      new CommandError({
        code: "invalidInput",
        message: "taken",
        requestId: "req-7",
        retryable: false,
        violation: mockViolation("name", "profile.name.taken", "Hong Kong CI", "A profile with this name exists already."),
        advice: null,
      }),
    );
    await user.click(screen.getByTestId("wizard-save-verify"));

    const problem = await screen.findByTestId("wizard-name-problem");
    expect(problem).toHaveTextContent("A profile with this name exists already.");
    expect(problem).toHaveTextContent("Request ID: req-7");
    expect(problem).toHaveAttribute("role", "alert");
    expect(screen.getByTestId("wizard-step-credentials")).toHaveAttribute("aria-current", "step");
    expect(screen.getByTestId("wizard-name")).toHaveFocus();
    expect(screen.getByTestId("wizard-name")).toHaveAttribute("aria-invalid", "true");

    // A new name takes the refusal away, and the profile saves.
    await user.type(screen.getByTestId("wizard-name"), " 2");
    await waitFor(() => {
      expect(screen.queryByTestId("wizard-name-problem")).not.toBeInTheDocument();
    });
    await user.click(screen.getByTestId("wizard-save-verify"));
    expect(await screen.findByTestId("wizard-verify-result")).toHaveAttribute("data-state", "verified");
    expect(await screen.findByTestId("header-profile-name")).toHaveTextContent("Hong Kong CI 2");
  });
});

describe("profiles list", () => {
  it("duplicates, switches from the header, and deletes after confirmation", async () => {
    const { backend, user } = renderApp({
      path: "/profiles",
      profile: { id: "prod", name: "production", region: "cn-north-4" },
    });

    await user.click(await screen.findByTestId("profile-duplicate"));
    await waitFor(() => {
      expect(screen.getAllByTestId("profile-name").map((n) => n.textContent)).toEqual([
        "production",
        "production (copy)",
      ]);
    });

    await choose(user, await screen.findByTestId("header-profile-picker"), "prod-copy");
    await waitFor(async () => {
      expect((await backend.activeProfile())?.id).toBe("prod-copy");
    });
    expect(await screen.findByTestId("header-profile-name")).toHaveTextContent("production (copy)");

    const copyRow = screen.getAllByTestId("profile-row").find((r) => r.dataset["id"] === "prod-copy");
    if (!copyRow) throw new Error("copy row missing");
    await user.click(within(copyRow).getByTestId("profile-delete"));
    await user.click(await screen.findByTestId("profile-delete-yes"));

    await waitFor(() => {
      expect(screen.getAllByTestId("profile-row")).toHaveLength(1);
    });
    expect(await screen.findByTestId("header-profile-name")).toHaveTextContent("production");
  });
});

describe("profile wizard in Chinese", () => {
  it("speaks Chinese on every step it shows before verification", async () => {
    stubSystemLanguage("zh-CN");
    const { user } = renderApp({ path: "/profiles" });
    const wizard = await screen.findByTestId("wizard");
    expect(await screen.findByText("华北-北京四")).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "中国大陆" })).toBeInTheDocument();
    await user.click(within(screen.getByTestId("wizard-region-cn-north-4")).getByRole("radio"));
    await user.click(screen.getByTestId("wizard-next"));
    await user.click(screen.getByTestId("wizard-save-verify"));

    // Region ids, file and tool names stay as they are; everything else is translated.
    const text = wizard.textContent.replace(/[a-z]{2}-[a-z]+-\d+|credentials\.csv|SWR|AK|SK|ID|IAM|API|CA|PEM|TLS|http:\/\/|127\.0\.0\.1|localhost/g, "");
    expect(text).not.toMatch(/[A-Za-z]{2,}/);
    expect(screen.getAllByText("必填").length).toBeGreaterThan(0);
  });
});
