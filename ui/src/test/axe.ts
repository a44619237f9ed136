// Runs axe-core over what a test rendered and lists the serious and critical violations, each with
// the elements it found them on. The test DOM has no layout, so the rules that need one (colour
// contrast, target size) are left to the e2e screenshots.

import axe from "axe-core";

export async function seriousViolations(root: Element): Promise<string[]> {
  const results = await axe.run(root, {
    resultTypes: ["violations"],
    rules: { "color-contrast": { enabled: false }, "target-size": { enabled: false } },
  });
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact ?? "?"}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}
