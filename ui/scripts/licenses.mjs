#!/usr/bin/env node
// Writes src/generated/licenses.json: every third-party component that ships inside the app, with
// its version and declared license, for the About dialog.
//
//   npm run licenses              regenerate the file
//   npm run licenses -- --check   exit 1 if the committed file differs from what would be written
//
// Sources:
//   - npm: the production dependencies recorded in package-lock.json (dev-only packages are left
//     out: they never reach the bundle);
//   - cargo: `cargo metadata` for the workspace, keeping the crates reachable from the
//     `swr-console` package through normal and build dependencies, on every target platform (so
//     the file is the same whichever machine writes it). The workspace's own crates are left out.
//
// The output is sorted by ecosystem, name and version, one entry per line, so it diffs well and
// two runs over the same inputs give the same bytes.

import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const uiDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const outputPath = join(uiDir, "src", "generated", "licenses.json");
const APP_PACKAGE = "swr-console";

function licenseOf(value) {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  // Old package.json files may carry { type, url } objects.
  if (value && typeof value === "object" && typeof value.type === "string") return value.type;
  return "UNKNOWN";
}

function npmEntries() {
  const lock = JSON.parse(readFileSync(join(uiDir, "package-lock.json"), "utf8"));
  if (lock.lockfileVersion < 2 || typeof lock.packages !== "object") {
    throw new Error("package-lock.json must be lockfile version 2 or later");
  }
  const entries = [];
  for (const [path, info] of Object.entries(lock.packages)) {
    if (path === "" || info.link || info.dev || info.devOptional) continue;
    const marker = "node_modules/";
    const name = info.name ?? path.slice(path.lastIndexOf(marker) + marker.length);
    entries.push({ ecosystem: "npm", name, version: info.version, license: licenseOf(info.license) });
  }
  return entries;
}

function cargoEntries() {
  let raw;
  try {
    raw = execFileSync(
      "cargo",
      ["metadata", "--format-version", "1", "--manifest-path", join(uiDir, "..", "Cargo.toml")],
      { cwd: uiDir, encoding: "utf8", maxBuffer: 512 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
    );
  } catch (error) {
    throw new Error(`cargo metadata failed: ${error.message}`, { cause: error });
  }
  const metadata = JSON.parse(raw);
  const packages = new Map(metadata.packages.map((pkg) => [pkg.id, pkg]));
  const workspace = new Set(metadata.workspace_members);
  const nodes = new Map(metadata.resolve.nodes.map((node) => [node.id, node]));

  const root = metadata.packages.find((pkg) => pkg.name === APP_PACKAGE && workspace.has(pkg.id));
  if (!root) throw new Error(`package ${APP_PACKAGE} is not a member of the workspace`);

  const reachable = new Set([root.id]);
  const queue = [root.id];
  while (queue.length > 0) {
    const node = nodes.get(queue.pop());
    for (const dep of node?.deps ?? []) {
      const shipped = dep.dep_kinds.some((kind) => kind.kind !== "dev");
      if (shipped && !reachable.has(dep.pkg)) {
        reachable.add(dep.pkg);
        queue.push(dep.pkg);
      }
    }
  }

  const entries = [];
  for (const id of reachable) {
    if (workspace.has(id)) continue;
    const pkg = packages.get(id);
    const license = pkg.license ?? (pkg.license_file ? "SEE LICENSE FILE" : null);
    entries.push({ ecosystem: "cargo", name: pkg.name, version: pkg.version, license: licenseOf(license) });
  }
  return entries;
}

// Code-point order (of lower-cased names first), not locale order: the result must not depend on
// the machine's locale.
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function render(entries) {
  const unique = new Map();
  for (const entry of entries) unique.set(`${entry.ecosystem}\0${entry.name}\0${entry.version}`, entry);
  const sorted = [...unique.values()].sort(
    (a, b) =>
      compare(a.ecosystem, b.ecosystem) ||
      compare(a.name.toLowerCase(), b.name.toLowerCase()) ||
      compare(a.name, b.name) ||
      compare(a.version, b.version),
  );
  const lines = sorted.map((entry) =>
    JSON.stringify({ ecosystem: entry.ecosystem, name: entry.name, version: entry.version, license: entry.license }),
  );
  return `[\n  ${lines.join(",\n  ")}\n]\n`;
}

function main() {
  const check = process.argv.includes("--check");
  const output = render([...npmEntries(), ...cargoEntries()]);

  if (check) {
    let current = "";
    try {
      current = readFileSync(outputPath, "utf8");
    } catch {
      // A missing file is stale.
    }
    if (current !== output) {
      console.error("src/generated/licenses.json is out of date; run `npm run licenses` in ui/.");
      process.exit(1);
    }
    console.log("src/generated/licenses.json is up to date.");
    return;
  }

  mkdirSync(dirname(outputPath), { recursive: true });
  writeFileSync(outputPath, output);
  console.log("Wrote src/generated/licenses.json.");
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
