import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";

import { IconButton } from "./IconButton";
import { CloseIcon } from "./icons";

describe("IconButton", () => {
  it("is named by its label, shows it on keyboard focus and acts on Enter", async () => {
    const user = userEvent.setup();
    const onClick = vi.fn();
    render(
      <IconButton label="Move up" testId="up" onClick={onClick}>
        <CloseIcon />
      </IconButton>,
    );
    const button = screen.getByRole("button", { name: "Move up" });
    expect(screen.queryByRole("tooltip")).not.toBeInTheDocument();

    await user.tab();
    expect(button).toHaveFocus();
    expect(await screen.findByRole("tooltip")).toHaveTextContent("Move up");

    await user.keyboard("{Enter}");
    expect(onClick).toHaveBeenCalledTimes(1);
  });
});
