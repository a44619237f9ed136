import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider, useTranslation } from "react-i18next";
import { describe, expect, it, vi } from "vitest";

import { createI18n } from "../../i18n";
import { CommandError } from "../../ipc";
import { mockViolation } from "../../ipc/mockRules";
import { FieldProblem } from "./FieldProblem";
import { fromViolation, ownProblem } from "./problem";
import { showRefusal, useRuleForm } from "./useRuleForm";

interface Values {
  name: string;
}

const SPACE = mockViolation("namespace", "namespace.charset", "team a", "An organization name has no spaces.", "组织名不能包含空格。");

/** A one-field form: the name is checked by a slow "backend", and sending fails as `send` says. */
function NameForm({ send }: { send: () => Promise<CommandError | null> }) {
  const { i18n } = useTranslation();
  const form = useRuleForm<Values>({
    defaultValues: { name: "" },
    check: async ({ name }) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (name === "") return { name: ownProblem(i18n, "required", (say) => say("sharing.problems.accountMissing")) };
      return { name: name.includes(" ") ? fromViolation(SPACE) : null };
    },
  });
  const onSubmit = form.handleSubmit(async () => {
    const failure = await send();
    if (failure !== null) showRefusal(form, failure, { namespace: "name" });
  });
  return (
    <form onSubmit={(event) => void onSubmit(event)} noValidate>
      <label htmlFor="name">Name</label>
      <input id="name" aria-invalid={form.formState.errors.name ? true : undefined} {...form.register("name")} />
      <FieldProblem error={form.formState.errors.name} id="name-problem" testId="name-problem" />
      <button type="submit" disabled={!form.formState.isValid}>
        Create
      </button>
    </form>
  );
}

function renderForm(send: () => Promise<CommandError | null> = () => Promise.resolve(null)) {
  const i18n = createI18n("en");
  const user = userEvent.setup();
  render(
    <I18nextProvider i18n={i18n}>
      <NameForm send={send} />
    </I18nextProvider>,
  );
  return { i18n, user, name: screen.getByLabelText("Name"), submit: screen.getByRole("button", { name: "Create" }) };
}

describe("a rule-checked form", () => {
  it("shows nothing before the user types, then the rule the value breaks, in the interface language", async () => {
    const { i18n, user, name, submit } = renderForm();
    expect(screen.queryByTestId("name-problem")).not.toBeInTheDocument();
    expect(submit).toBeDisabled();

    await user.type(name, "team a");
    const problem = await screen.findByTestId("name-problem");
    expect(problem).toHaveTextContent("An organization name has no spaces.");
    expect(problem).toHaveAttribute("data-rule", "namespace.charset");
    expect(problem).not.toHaveAttribute("role");
    expect(name).toHaveAttribute("aria-invalid", "true");

    await act(() => i18n.changeLanguage("zh-CN"));
    expect(screen.getByTestId("name-problem")).toHaveTextContent("组织名不能包含空格。");

    await user.clear(name);
    await waitFor(() => {
      expect(screen.getByTestId("name-problem")).toHaveAttribute("data-rule", "required");
    });
    expect(screen.getByTestId("name-problem")).toHaveTextContent("请输入要共享给的账号名。");

    await user.type(name, "team-a");
    await waitFor(() => {
      expect(screen.queryByTestId("name-problem")).not.toBeInTheDocument();
    });
    expect(submit).toBeEnabled();
  });

  it("puts a rule SWR refused on its field with the request id, focused, until the value changes", async () => {
    const refused = new CommandError({
      code: "invalidInput",
      message: "refused",
      requestId: "req-9",
      retryable: false,
      violation: mockViolation("namespace", "namespace.taken", "team-a", "The organization exists already."),
      advice: null,
    });
    const send = vi.fn(() => Promise.resolve(refused));
    const { user, name, submit } = renderForm(send);
    await user.type(name, "team-a");
    await waitFor(() => {
      expect(submit).toBeEnabled();
    });
    await user.click(submit);

    const problem = await screen.findByTestId("name-problem");
    expect(send).toHaveBeenCalledTimes(1);
    expect(problem).toHaveTextContent("The organization exists already.");
    expect(problem).toHaveTextContent("req-9");
    expect(problem).toHaveAttribute("role", "alert");
    expect(name).toHaveFocus();
    expect(submit).toBeDisabled();

    await user.type(name, "2");
    await waitFor(() => {
      expect(screen.queryByTestId("name-problem")).not.toBeInTheDocument();
    });
  });
});
