import { describe, expect, it } from "vitest";

import { conditionProblem, EMPTY_DRAFT, formField, listedTags, nameProblem, splitMatch, storedTags, tagProblem, toRequest } from "./rules";

describe("trigger rules", () => {
  it("accepts names SWR accepts and says which rule a bad one breaks", () => {
    for (const ok of ["a", "Deploy", "deploy-web_2", "A1-b2_c3", "x".repeat(64)]) {
      expect(nameProblem(ok)).toBeNull();
    }
    const rules: [string, string][] = [
      ["", "name.required"],
      ["x".repeat(65), "name.length"],
      ["déploy", "name.charset"],
      ["deploy.web", "name.charset"],
      ["_deploy", "name.start"],
      ["9deploy", "name.start"],
      ["deploy_", "name.end"],
      ["deploy-", "name.end"],
      ["de--ploy", "name.separator"],
      ["de_-ploy", "name.separator"],
    ];
    for (const [name, rule] of rules) {
      expect(nameProblem(name)?.rule, name).toBe(rule);
    }
  });

  it("reads docker's tag rules", () => {
    for (const ok of ["latest", "v1.2.3", "_build", "1.0-rc.1", "a".repeat(128)]) {
      expect(tagProblem(ok)).toBeNull();
    }
    expect(tagProblem("a".repeat(129))?.rule).toBe("tag.length");
    expect(tagProblem("v1:2")).toEqual({ rule: "tag.charset", tag: "v1:2", char: "':'" });
    expect(tagProblem(".hidden")?.rule).toBe("tag.start");
    expect(tagProblem("-rc")?.rule).toBe("tag.start");
  });

  it("checks a condition for its type", () => {
    expect(conditionProblem("all", "")).toBeNull();
    expect(conditionProblem("tag", " ; ")?.rule).toBe("condition.noTags");
    expect(conditionProblem("tag", "v1;v2 latest")).toBeNull();
    expect(conditionProblem("tag", "v1;-v2")?.rule).toBe("tag.start");
    expect(conditionProblem("regular", "")?.rule).toBe("condition.noExpression");
    expect(conditionProblem("regular", "v[0-9")?.rule).toBe("condition.regex");
    expect(conditionProblem("regular", "v[0-9]+")).toBeNull();
  });

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
