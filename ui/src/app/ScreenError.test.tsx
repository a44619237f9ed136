import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it, vi } from "vitest";

import { createI18n } from "../i18n";
import { ScreenError } from "./ScreenError";

describe("screen error", () => {
  it("explains the failure in the user's language and offers a retry", async () => {
    const reset = vi.fn();
    render(
      <I18nextProvider i18n={createI18n("zh-CN")}>
        <ScreenError error={new Error("boom")} reset={reset} />
      </I18nextProvider>,
    );

    expect(screen.getByRole("heading", { name: "此页面无法显示" })).toBeInTheDocument();
    expect(screen.getByRole("alert")).toHaveTextContent("详细信息：boom");
    await userEvent.click(screen.getByRole("button", { name: "重试" }));
    expect(reset).toHaveBeenCalledOnce();
  });
});
