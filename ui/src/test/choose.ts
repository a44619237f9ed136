import { waitFor } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { expect } from "vitest";

/**
 * Chooses an entry of a {@link Select} the way a user does: opens its list with a click and clicks
 * the entry. `choice` is the entry's value or its label, as `userEvent.selectOptions` takes them.
 */
export async function choose(user: UserEvent, trigger: HTMLElement, choice: string): Promise<void> {
  const options = await open(user, trigger);
  const option = options.find((o) => o.dataset["value"] === choice || o.textContent === choice);
  if (option === undefined) {
    throw new Error(`no entry "${choice}" in the list; it offers: ${options.map((o) => o.textContent).join(", ")}`);
  }
  await user.click(option);
  await closed(trigger);
}

/** The labels a {@link Select} offers, read by opening its list; the list is closed again. */
export async function choicesOf(user: UserEvent, trigger: HTMLElement): Promise<string[]> {
  const options = await open(user, trigger);
  const labels = options.map((o) => o.textContent);
  await user.keyboard("{Escape}");
  await closed(trigger);
  return labels;
}

/** Opens the list of a {@link Select} and gives its listbox; Escape closes it again. */
export async function openList(user: UserEvent, trigger: HTMLElement): Promise<HTMLElement> {
  await user.click(trigger);
  return waitFor(() => {
    const id = trigger.getAttribute("aria-controls");
    const found = id === null ? null : document.getElementById(id);
    if (found === null) throw new Error("the list did not open");
    return found;
  });
}

// The list is found through the trigger's `aria-controls` rather than by role: a role query
// weighs every element of the page, which on a long screen takes seconds.
async function open(user: UserEvent, trigger: HTMLElement): Promise<HTMLElement[]> {
  const listbox = await openList(user, trigger);
  return [...listbox.querySelectorAll<HTMLElement>('[role="option"]')];
}

async function closed(trigger: HTMLElement): Promise<void> {
  await waitFor(() => {
    expect(trigger).toHaveAttribute("aria-expanded", "false");
  });
}
