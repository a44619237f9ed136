import { describe, expect, it } from "vitest";

import { mockViolation } from "../../ipc/mock";
import { EMPTY_DRAFT, formField, listedTags, splitMatch, storedTags, toRequest, violationsByField } from "./form";

describe("the trigger form's draft", () => {
  it("lists tags as typed, and as SWR stores them", () => {
    expect(listedTags("v1; v2,v3  latest")).toEqual(["v1", "v2", "v3", "latest"]);
    expect(storedTags(" v1 ;v2;;")).toEqual(["v1", "v2"]);
  });

  it("maps the backend's field names to the form's", () => {
    expect(formField("trigger_name")).toBe("name");
    expect(formField("clusterNs")).toBe("namespace");
    expect(formField("clusterName")).toBe("clusterName");
    expect(formField("tag")).toBeNull();
    expect(formField("toString")).toBeNull();
  });

  it("puts the backend's first violation of each field on the form's field", () => {
    const first = mockViolation("condition", "tag.start", "-rc", "-rc: first");
    const byField = violationsByField([
      mockViolation("trigger_name", "trigger_name.start", "1a", "name"),
      first,
      mockViolation("condition", "tag.charset", "v/1", "second"),
      mockViolation("clusterNs", "trigger.clusterNs", "", "namespace"),
      mockViolation("somewhere", "x", "", "not a field of the form"),
    ]);
    expect(Object.keys(byField).sort()).toEqual(["condition", "name", "namespace"]);
    expect(byField.condition).toEqual(first);
  });

  it("builds SWR's request: '.*' for all tags and no cluster for CCI", () => {
    const base = { ...EMPTY_DRAFT, name: "t", clusterName: " c ", clusterId: "id", namespace: " ns ", application: " app " };
    expect(toRequest(base)).toMatchObject({ trigger_type: "all", condition: ".*", cluster_name: "c", cluster_id: "id", cluster_ns: "ns", application: "app" });
    expect(toRequest({ ...base, mode: "cci" })).toMatchObject({ trigger_mode: "cci", cluster_name: "", cluster_id: "" });
    expect(toRequest({ ...base, type: "tag", condition: "v1, v2" }).condition).toBe("v1;v2");
    expect(toRequest({ ...base, type: "regular", condition: "v\\d+" }).condition).toBe("v\\d+");
  });

  it("splits a tag around the matched range, counted in characters", () => {
    expect(splitMatch("build-42", [6, 8])).toEqual(["build-", "42", ""]);
    expect(splitMatch("v1", [0, 2])).toEqual(["", "v1", ""]);
    expect(splitMatch("v1", null)).toBeNull();
    expect(splitMatch("v1", [1, 5])).toBeNull();
  });
});
