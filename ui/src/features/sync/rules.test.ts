import { describe, expect, it } from "vitest";

import { newestFirst, organizationProblem, parseTarget, tagsToSync, targetValue } from "./rules";
import { DIGEST_A, DIGEST_B, gap, job, row } from "./testing";

describe("organization names", () => {
  it("accepts the shapes SWR documents", () => {
    for (const name of ["a", "team-a", "team.a", "team_a", "team__a", "a1", "a.b_c-d__e", "a".repeat(64)]) {
      expect(organizationProblem(name), name).toBeNull();
    }
  });

  it("names the first rule a name breaks, in the order the backend checks them", () => {
    const cases: [string, string][] = [
      ["", "required"],
      ["a".repeat(65), "length"],
      ["Team", "uppercase"],
      ["team/a", "charset"],
      ["team a", "charset"],
      ["1team", "start"],
      ["-team", "start"],
      ["team.", "end"],
      ["team-.a", "separator"],
      ["team--a", "separator"],
      ["team___a", "underscores"],
      ["library", "reserved"],
    ];
    for (const [name, rule] of cases) {
      expect(organizationProblem(name)?.rule, name).toBe(rule);
    }
    expect(organizationProblem("Team-A")).toEqual({ rule: "uppercase", lower: "team-a" });
    expect(organizationProblem("team a")).toEqual({ rule: "charset", char: "U+0020" });
  });
});

describe("targets", () => {
  it("round-trips through the select's value", () => {
    const target = { region: "cn-east-3", namespace: "team-a" };
    expect(parseTarget(targetValue(target))).toEqual(target);
    expect(parseTarget("other")).toBeNull();
    expect(parseTarget("/team-a")).toBeNull();
    expect(parseTarget("cn-east-3/")).toBeNull();
  });
});

describe("jobs and gaps", () => {
  it("orders jobs newest first, the later id first within a second", () => {
    const jobs = [
      job(1, "a", "success", { createdAt: "2026-11-01T12:00:00Z" }),
      job(2, "b", "success", { createdAt: "2026-11-03T12:00:00Z" }),
      job(3, "c", "success", { createdAt: "2026-11-03T12:00:00Z" }),
    ];
    expect(newestFirst(jobs).map((j) => j.id)).toEqual([3, 2, 1]);
  });

  it("syncs what is missing or different, not what is the same", () => {
    const rows = [row("same", DIGEST_A, DIGEST_A), row("other", DIGEST_A, DIGEST_B), row("gone", DIGEST_A, null)];
    expect(tagsToSync(gap("cn-east-3", "team-a", rows))).toEqual(["other", "gone"]);
  });
});
