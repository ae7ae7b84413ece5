#!/usr/bin/env node
// `npm run differential -- PATH...`: runs `keepalived -t` and `kalint check` on your own
// configuration files (directories are searched for *.conf) and prints where their verdicts
// differ, with the same classification as the differential test (docs/differential.md).
// Needs root (a network namespace holds the interfaces the files name) and keepalived.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundle } from "../bench/measure.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const inputs = process.argv.slice(2);
if (inputs.length === 0) {
  console.error("usage: npm run differential -- FILE|DIR...");
  process.exit(2);
}

function files(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) {
    console.error(`differential: ${path}: no such file or directory`);
    process.exit(2);
  }
  if (!st.isDirectory()) return [resolve(path)];
  return readdirSync(path, { recursive: true })
    .map((f) => join(path, String(f)))
    .filter((f) => f.endsWith(".conf") && statSync(f).isFile())
    .map((f) => resolve(f))
    .sort();
}

const paths = inputs.flatMap(files);
const work = mkdtempSync(join(tmpdir(), "kalint-differential-"));
try {
  const h = await import(pathToFileURL(await bundle({ root, dir: work }, "test/differential/harness.ts", "harness.mjs")).href);
  const unavailable = h.unavailableReason();
  if (unavailable) {
    console.error(`differential: ${unavailable}`);
    process.exitCode = 2;
  } else {
    const cases = paths.map((p) => ({ id: p, path: p, kind: "corpus", operator: "yours" }));
    const results = await h.compareCases(cases, join(root, "dist/kalint.js"), work);
    console.log(h.summarize(results).report);
    process.exitCode = results.some((r) => r.outcome === "disagree") ? 1 : 0;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
