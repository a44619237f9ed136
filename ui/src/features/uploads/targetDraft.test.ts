import { describe, expect, it } from "vitest";

import { problemsOf } from "../../components/form/problem";
import { mockViolation } from "../../ipc/mock";
import { targetErrors } from "./targetDraft";

const on = (image: number | null, field: string, rule: string) => ({ image, violation: mockViolation(field, rule, "", `${field}: ${rule}`) });

describe("an upload plan's problems as the target form's errors", () => {
  it("puts each problem on its field, keeps several on one field in order, and the rest on the form", () => {
    const errors = targetErrors([
      on(null, "namespace", "namespace.charset"),
      on(1, "tag", "tag.charset"),
      on(1, "tag", "tag.length"),
      on(0, "layers", "layers.count"),
      on(null, "constructor", "odd.field"),
    ]);
    expect(problemsOf(errors.organization).map((p) => p.rule)).toEqual(["namespace.charset"]);
    expect(problemsOf(errors.images?.[1]?.tags).map((p) => p.rule)).toEqual(["tag.charset", "tag.length"]);
    expect(errors.images?.[0]?.tags).toBeUndefined();
    expect(errors.profileId).toBeUndefined();
    expect(problemsOf(errors.root).map((p) => p.rule)).toEqual(["layers.count", "odd.field"]);
    expect(problemsOf(errors.images?.[1]?.tags)[1]?.text.zhCn).toBe("（中文）tag: tag.length");
  });

  it("has no error for a plan without problems", () => {
    expect(targetErrors([])).toEqual({});
  });
});
