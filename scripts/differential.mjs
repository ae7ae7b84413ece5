#!/usr/bin/env node
// `npm run differential -- PATH...`: runs `keepalived -t` and `kalint check` on your own
// configuration files (directories are searched for *.conf) and prints where their verdicts
// differ, with the same classification as the differential test (docs/differential.md).
// Needs root (a network namespace holds the interfaces the files name) and keepalived.
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
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
  const harnessFile = join(work, "harness.mjs");
  await build({ entryPoints: [join(root, "test/differential/harness.ts")], bundle: true, platform: "node", format: "esm", target: "node20", outfile: harnessFile, logLevel: "warning" });
  const h = await import(pathToFileURL(harnessFile).href);
  const unavailable = h.unavailableReason();
  if (unavailable) {
    console.error(`differential: ${unavailable}`);
    process.exit(2);
  }
  const ns = new h.Namespace();
  ns.create(h.interfaceNames(paths));
  try {
    const keepalived = await h.runKeepalived(ns, h.findKeepalived(), paths, work);
    const kalint = await h.runKalint(join(root, "dist/kalint.js"), paths, work);
    const results = paths.map((p, i) => h.compare({ id: p, path: p, kind: "corpus", operator: "yours" }, keepalived[i], kalint.get(p) ?? []));
    console.log(h.summarize(results).report);
    process.exitCode = results.some((r) => r.outcome === "disagree") ? 1 : 0;
  } finally {
    ns.remove();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
