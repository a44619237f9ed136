import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";

import { choicesOf, choose } from "../test/choose";
import { Select, type Choice } from "./Select";

const CHOICES: Choice<string>[] = [
  { value: "", label: "All organizations" },
  { value: "team-a", label: "team-a" },
  { value: "audit", label: "audit (read-only)", disabled: true },
  { value: "team-b", label: "team-b" },
];

function Harness({ initial, onChange }: { initial: string; onChange: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="org">Organization</label>
      <Select
        id="org"
        testId="org"
        value={value}
        placeholder="Choose an organization"
        choices={CHOICES}
        onChange={(next) => {
          setValue(next);
          onChange(next);
        }}
      />
    </>
  );
}

describe("Select", () => {
  it("is a combobox named by its label that shows the chosen entry, the empty value included", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="team-a" onChange={onChange} />);
    const select = screen.getByRole("combobox", { name: "Organization" });
    expect(select).toHaveTextContent("team-a");

    await choose(user, select, "All organizations");
    expect(onChange).toHaveBeenLastCalledWith("");
    expect(select).toHaveTextContent("All organizations");
  });

  it("shows the placeholder for a value that is none of the entries", () => {
    render(<Harness initial="gone" onChange={vi.fn()} />);
    expect(screen.getByRole("combobox", { name: "Organization" })).toHaveTextContent("Choose an organization");
  });

  it("is worked with the keyboard: arrows skip a disabled entry, Enter chooses, Escape keeps the choice", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="team-a" onChange={onChange} />);
    const select = screen.getByRole("combobox", { name: "Organization" });

    await user.tab();
    expect(select).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    const list = await screen.findByRole("listbox");
    await waitFor(() => {
      expect(list.querySelector("[data-highlighted]")).toHaveTextContent("team-a");
    });
    await user.keyboard("{ArrowDown}");
    expect(list.querySelector("[data-highlighted]")).toHaveTextContent("team-b");
    await user.keyboard("{Enter}");
    expect(onChange).toHaveBeenLastCalledWith("team-b");
    expect(select).toHaveTextContent("team-b");
    expect(select).toHaveFocus();

    await user.keyboard("{ArrowDown}");
    await screen.findByRole("listbox");
    await user.keyboard("{ArrowUp}{Escape}");
    expect(select).toHaveTextContent("team-b");
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it("offers every entry and will not choose a disabled one", async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<Harness initial="team-a" onChange={onChange} />);
    const select = screen.getByRole("combobox", { name: "Organization" });
    expect(await choicesOf(user, select)).toEqual(["All organizations", "team-a", "audit (read-only)", "team-b"]);

    await user.click(select);
    await user.click(await screen.findByRole("option", { name: "audit (read-only)" }));
    expect(onChange).not.toHaveBeenCalled();
  });
});
