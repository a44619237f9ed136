import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";

import type { IpcError } from "../../ipc";
import { mockViolation } from "../../ipc/mock";
import { choose } from "../../test/choose";
import { stubSystemLanguage, stubSystemTheme } from "../../test/renderApp";
import { renderBrowse, stubViewport } from "../browse/testing";
import { OPTIONS, PATH } from "./testing";

beforeEach(() => {
  stubSystemTheme("light");
  stubViewport();
});

/** The problem shown under a field (`name`, `condition`, `namespace`, …), or null. */
function problemOn(field: string): HTMLElement | null {
  return screen.queryAllByTestId("trigger-problem").find((el) => el.closest<HTMLElement>("[data-field]")?.dataset["field"] === field) ?? null;
}

async function openForm(options = {}) {
  const view = renderBrowse(PATH, { ...OPTIONS, ...options });
  await view.user.click(await screen.findByTestId("trigger-add-open"));
  return { ...view, form: await screen.findByTestId("trigger-add-form") };
}

/** Fills in a CCI trigger "deploy" for the application "web" in `namespace`, and sends it. */
async function sendCciTrigger(user: Awaited<ReturnType<typeof openForm>>["user"], namespace: string) {
  await user.type(screen.getByTestId("trigger-name"), "deploy");
  await choose(user, screen.getByTestId("trigger-mode"), "cci");
  await user.type(screen.getByTestId("trigger-namespace"), namespace);
  await user.type(screen.getByTestId("trigger-application"), "web");
  await user.click(screen.getByTestId("trigger-add-submit"));
}

function violation(field: string, en: string, zhCn: string): IpcError {
  return {
    code: "invalidInput",
    message: en,
    requestId: "req-42",
    retryable: false,
    violation: { field, rule: `trigger.${field}`, value: "", message: { en, zhCn } },
    advice: null,
  };
}

describe("adding a trigger", () => {
  it("shows on the name field the rule the backend says the typed name breaks", async () => {
    stubSystemLanguage("en-US");
    const { user } = await openForm({
      triggerRules: [
        { field: "name", value: "1deploy", violation: mockViolation("trigger_name", "trigger_name.start", "1deploy", "A trigger name must start with a letter.") },
        { field: "name", value: "", violation: mockViolation("trigger_name", "trigger_name.required", "", "Trigger name is required.") },
      ],
    });
    const name = screen.getByTestId("trigger-name");
    expect(name).toHaveFocus();
    expect(problemOn("name")).toBeNull();

    await user.type(name, "1deploy");
    await waitFor(() => {
      expect(problemOn("name")).toHaveTextContent("A trigger name must start with a letter.");
    });
    expect(problemOn("name")).toHaveAttribute("data-rule", "trigger_name.start");
    expect(name).toHaveAttribute("aria-invalid", "true");
    expect(name.getAttribute("aria-describedby")).toContain(problemOn("name")?.id);

    await user.clear(name);
    await waitFor(() => {
      expect(problemOn("name")).toHaveTextContent("Trigger name is required.");
    });
    await user.type(name, "Deploy_web-2");
    await waitFor(() => {
      expect(problemOn("name")).toBeNull();
    });
    expect(name).not.toHaveAttribute("aria-invalid");
  });

  it("shows the backend's rule on the condition, and previews the tags it reads", async () => {
    stubSystemLanguage("en-US");
    const { user, form } = await openForm({
      triggerRules: [
        { field: "condition", value: "v1.0;-rc", violation: mockViolation("condition", "tag.start", "-rc", "-rc: a tag must start with a letter, a digit or '_'.") },
        { field: "condition", value: "v1\\.(\\d+", violation: mockViolation("condition", "trigger.condition_regex", "v1\\.(\\d+", "This is not a regular expression: unclosed group") },
      ],
    });
    expect(form).toHaveTextContent("Every tag pushed to this image updates the workload.");
    expect(within(form).queryByTestId("trigger-condition")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("trigger-type-tag"));
    const tags = screen.getByTestId("trigger-condition");
    // Entered with a space, sent as SWR stores a list.
    await user.click(tags);
    await user.paste("v1.0; -rc");
    await waitFor(() => {
      expect(problemOn("condition")).toHaveTextContent("-rc: a tag must start with a letter, a digit or '_'.");
    });
    await user.clear(tags);
    await user.paste("v1.0, latest");
    await waitFor(() => {
      expect(problemOn("condition")).toBeNull();
    });
    expect(screen.getByTestId("trigger-condition-preview")).toHaveTextContent("Any of the tags v1.0, latest");

    await user.click(screen.getByTestId("trigger-type-regular"));
    const expression = screen.getByTestId("trigger-condition");
    expect(form).toHaveTextContent("The expression must match the WHOLE tag, not just a part of it");
    await user.clear(expression);
    await user.paste("v1\\.(\\d+");
    await waitFor(() => {
      expect(problemOn("condition")).toHaveTextContent("This is not a regular expression: unclosed group");
    });
    expect(expression).toHaveAttribute("aria-invalid", "true");
    await user.type(expression, ")");
    await waitFor(() => {
      expect(problemOn("condition")).toBeNull();
    });
  });

  it("marks every field the backend finds missing on submit and sends nothing", async () => {
    stubSystemLanguage("en-US");
    const required = (field: "name" | "cluster_name" | "cluster_ns" | "application", backendField: string, en: string) => ({
      field,
      value: "",
      violation: mockViolation(backendField, `trigger.${backendField}`, "", en),
    });
    const { user, backend } = await openForm({
      triggerRules: [
        required("name", "trigger_name", "Trigger name is required."),
        required("cluster_name", "clusterName", "Choose the CCE cluster."),
        required("cluster_ns", "clusterNs", "Enter the Kubernetes namespace."),
        required("application", "application", "Enter the workload's name."),
      ],
    });
    // Nothing is marked before the user has been near a field.
    expect(screen.queryAllByTestId("trigger-problem")).toEqual([]);
    await user.click(screen.getByTestId("trigger-add-submit"));

    await waitFor(() => {
      expect(problemOn("name")).toHaveTextContent("Trigger name is required.");
    });
    expect(problemOn("clusterName")).toHaveTextContent("Choose the CCE cluster.");
    expect(problemOn("namespace")).toHaveTextContent("Enter the Kubernetes namespace.");
    expect(problemOn("application")).toHaveTextContent("Enter the workload's name.");
    expect(screen.getByTestId("trigger-fix-fields")).toHaveTextContent("Correct the marked fields first.");
    await waitFor(() => {
      expect(screen.getByTestId("trigger-name")).toHaveFocus();
    });

    // CCI has no clusters, so the cluster is no longer asked for.
    await choose(user, screen.getByTestId("trigger-mode"), "cci");
    expect(screen.queryByTestId("trigger-cluster-name")).not.toBeInTheDocument();
    expect(problemOn("clusterName")).toBeNull();
    expect(backend.automation.addedTriggers).toEqual([]);
  });

  it("focuses the first marked field on submit, the condition shown after the others included", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = await openForm({
      triggerRules: [
        { field: "condition", value: "", violation: mockViolation("condition", "trigger.condition", "", "List at least one tag.") },
        { field: "cluster_name", value: "", violation: mockViolation("clusterName", "trigger.clusterName", "", "Choose the CCE cluster.") },
      ],
    });
    await user.type(screen.getByTestId("trigger-name"), "deploy");
    await user.click(screen.getByTestId("trigger-type-tag"));
    await user.click(screen.getByTestId("trigger-add-submit"));

    await waitFor(() => {
      expect(problemOn("clusterName")).toHaveTextContent("Choose the CCE cluster.");
    });
    expect(problemOn("condition")).toHaveTextContent("List at least one tag.");
    await waitFor(() => {
      expect(screen.getByTestId("trigger-condition")).toHaveFocus();
    });
    expect(backend.automation.addedTriggers).toEqual([]);
  });

  it("sends SWR's request and shows the new trigger in the list", async () => {
    stubSystemLanguage("en-US");
    const { user, backend } = await openForm();
    await user.type(screen.getByTestId("trigger-name"), "release");
    await user.click(screen.getByTestId("trigger-type-tag"));
    await user.type(screen.getByTestId("trigger-condition"), "v2.0, v2.1");
    await user.type(screen.getByTestId("trigger-cluster-name"), "prod-cluster");
    await user.type(screen.getByTestId("trigger-cluster-id"), "c-123");
    await user.type(screen.getByTestId("trigger-namespace"), "shop");
    await choose(user, screen.getByTestId("trigger-app-type"), "statefulsets");
    await user.type(screen.getByTestId("trigger-application"), "cart");
    await user.click(screen.getByTestId("trigger-add-submit"));

    await waitFor(() => {
      expect(backend.automation.addedTriggers).toHaveLength(1);
    });
    expect(backend.automation.addedTriggers[0]).toEqual({
      image: "team-a/web",
      trigger: {
        name: "release",
        enable: true,
        action: "update",
        trigger_mode: "cce",
        trigger_type: "tag",
        condition: "v2.0;v2.1",
        app_type: "statefulsets",
        application: "cart",
        cluster_id: "c-123",
        cluster_name: "prod-cluster",
        cluster_ns: "shop",
        container: "",
      },
    });
    expect(await screen.findByTestId("trigger-added")).toHaveTextContent("Trigger release added.");
    expect(screen.queryByTestId("trigger-add-form")).not.toBeInTheDocument();
    const row = await waitFor(() => {
      const found = screen.getAllByTestId("trigger-row").find((el) => el.dataset["trigger"] === "release");
      if (!found) throw new Error("no new row");
      return found;
    });
    expect(within(row).getByTestId("trigger-row-condition")).toHaveTextContent("Any of the tags v2.0, v2.1");
    expect(within(row).getByTestId("trigger-row-workload")).toHaveTextContent("StatefulSet cart");
    expect(screen.getByTestId("triggers-count")).toHaveTextContent("4 triggers");
  });

  it("shows a rule the backend finds broken on the field it names, until that field changes", async () => {
    stubSystemLanguage("en-US");
    const { user } = await openForm({
      triggerError: violation("clusterNs", "Enter the Kubernetes namespace.", "请输入命名空间。"),
    });
    await sendCciTrigger(user, "prod");

    const error = await waitFor(() => {
      const found = problemOn("namespace");
      if (found === null) throw new Error("no problem on the namespace");
      return found;
    });
    expect(error).toHaveAttribute("role", "alert");
    expect(error).toHaveTextContent("Enter the Kubernetes namespace.");
    expect(error).toHaveTextContent("Request ID: req-42");
    expect(screen.queryByTestId("trigger-add-error")).not.toBeInTheDocument();
    expect(screen.queryByTestId("trigger-fix-fields")).not.toBeInTheDocument();
    const namespace = screen.getByTestId("trigger-namespace");
    expect(namespace).toHaveAttribute("aria-invalid", "true");
    expect(namespace).toHaveFocus();
    expect(namespace.getAttribute("aria-describedby")).toContain(error.id);

    await user.type(screen.getByTestId("trigger-application"), "2");
    expect(problemOn("namespace")).toBeInTheDocument();
    await user.type(namespace, "2");
    await waitFor(() => {
      expect(problemOn("namespace")).toBeNull();
    });
    expect(namespace).not.toHaveAttribute("aria-invalid");
  });

  it("shows the backend's rule in Chinese when the interface is Chinese", async () => {
    stubSystemLanguage("zh-CN");
    const { user } = await openForm({
      triggerError: violation("trigger_name", "Trigger name must start with a letter.", "触发器名称必须以字母开头。"),
    });
    expect(screen.getByRole("heading", { name: "新建触发器" })).toBeInTheDocument();
    await user.type(screen.getByTestId("trigger-name"), "deploy");
    await user.click(screen.getByTestId("trigger-type-regular"));
    await user.type(screen.getByTestId("trigger-condition"), "v\\d+");
    expect(screen.getByTestId("trigger-add-form")).toHaveTextContent("表达式必须匹配镜像版本的完整名称");
    await user.type(screen.getByTestId("trigger-cluster-name"), "prod");
    await user.type(screen.getByTestId("trigger-namespace"), "default");
    await user.type(screen.getByTestId("trigger-application"), "web");
    await user.click(screen.getByTestId("trigger-add-submit"));

    await waitFor(() => {
      expect(problemOn("name")).toHaveTextContent("触发器名称必须以字母开头。");
    });
    expect(problemOn("name")).toHaveTextContent("请求 ID：req-42");
    expect(screen.getByTestId("trigger-name")).toHaveAttribute("aria-invalid", "true");
  });

  it("reports a rule on a field the form does not show with the form's other failures", async () => {
    stubSystemLanguage("en-US");
    const { user } = await openForm({
      triggerError: violation("clusterName", "Choose the CCE cluster.", "请选择 CCE 集群。"),
    });
    await sendCciTrigger(user, "default");

    const error = await screen.findByTestId("trigger-add-error");
    expect(error).toHaveTextContent("Choose the CCE cluster.");
    expect(error).toHaveTextContent("Request ID: req-42");
    expect(screen.queryAllByTestId("trigger-problem")).toEqual([]);
  });

  it("shows a failure that names no field above the buttons", async () => {
    stubSystemLanguage("en-US");
    const { user } = await openForm({
      triggerError: { code: "service", message: "quota exceeded", requestId: "req-7", retryable: false, violation: null, advice: null },
    });
    await sendCciTrigger(user, "default");

    const error = await screen.findByTestId("trigger-add-error");
    expect(error).toHaveTextContent("The trigger could not be added.");
    expect(error).toHaveTextContent("quota exceeded");
    expect(error).toHaveTextContent("Request ID: req-7");
    expect(screen.getByTestId("trigger-add-form")).toBeInTheDocument();
  });
});
