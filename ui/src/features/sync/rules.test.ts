import { describe, expect, it } from "vitest";

import { newestFirst, parseTarget, tagsToSync, targetValue } from "./rules";
import { DIGEST_A, DIGEST_B, gap, job, row } from "./testing";

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
