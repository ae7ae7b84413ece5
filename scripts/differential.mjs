#!/usr/bin/env node
// `npm run differential -- [--keepalived PATH] [--target-version X] PATH...`: runs `keepalived -t`
// and `kalint check --target-version X` on your own configuration files (directories are
// searched for *.conf) and prints where their verdicts differ, with the same classification as
// the differential test (docs/differential.md). keepalived is PATH, else the release X built by
// scripts/build-keepalived.mjs (or installed), else the installed keepalived; X is PATH's own
// version when not given. Needs root (a network namespace holds the interfaces the files name).
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundle } from "../bench/measure.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const USAGE = "usage: npm run differential -- [--keepalived PATH] [--target-version X.Y.Z] FILE|DIR...";

/** A problem with the command line or this machine: one line, exit status 2. */
class Refused extends Error {}
const fail = (message) => {
  throw new Refused(message);
};

function options(argv) {
  const inputs = [];
  let binary;
  let target;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--keepalived" || a === "--target-version") {
      const value = argv[++i];
      if (value === undefined || value.startsWith("--")) fail(`${a} needs a value; ${USAGE}`);
      if (a === "--keepalived") binary = resolve(value);
      else target = value;
    } else if (a.startsWith("--")) fail(`unknown option ${a}; ${USAGE}`);
    else inputs.push(a);
  }
  if (inputs.length === 0) fail(USAGE);
  if (target !== undefined && !/^\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(target))
    fail(`--target-version takes a version like 2.2.7, not '${target}'`);
  if (binary !== undefined && !statSync(binary, { throwIfNoEntry: false })?.isFile()) fail(`--keepalived ${binary}: no such file`);
  return { inputs, binary, target };
}

function files(path) {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) fail(`${path}: no such file or directory`);
  if (!st.isDirectory()) return [resolve(path)];
  return readdirSync(path, { recursive: true })
    .map((f) => join(path, String(f)))
    .filter((f) => f.endsWith(".conf") && statSync(f).isFile())
    .map((f) => resolve(f))
    .sort();
}

/** The keepalived to compare with and the version kalint targets. */
function chooseOracle(h, binary, target) {
  let oracle;
  if (binary !== undefined) oracle = h.oracleOf(binary);
  else if (target !== undefined) oracle = h.oracleFor(target);
  else {
    const installed = h.findKeepalived();
    oracle = installed ? h.oracleOf(installed) : { reason: "keepalived is not installed; give --keepalived PATH" };
  }
  if ("reason" in oracle) fail(oracle.reason);
  if (target !== undefined && target !== oracle.version) {
    console.log(`NOTICE: ${oracle.binary} is keepalived ${oracle.version}; kalint targets ${target} as asked`);
    return { ...oracle, version: target, target: target.split(".").map(Number) };
  }
  return oracle;
}

let work;
try {
  const { inputs, binary, target } = options(process.argv.slice(2));
  const paths = inputs.flatMap(files);
  work = mkdtempSync(join(tmpdir(), "kalint-differential-"));
  const h = await import(pathToFileURL(await bundle({ root, dir: work }, "test/differential/harness.ts", "harness.mjs")).href);
  const unavailable = h.unavailableReason(false);
  if (unavailable) fail(unavailable);
  const oracle = chooseOracle(h, binary, target);
  const cases = paths.map((p) => ({ id: p, path: p, kind: "corpus", operator: "yours" }));
  const t0 = Date.now();
  const results = await h.compareCases(cases, join(root, "dist/kalint.js"), work, oracle);
  console.log(h.summarize(results, oracle.version, (Date.now() - t0) / 1000).report);
  process.exitCode = results.some((r) => r.outcome === "disagree") ? 1 : 0;
} catch (e) {
  if (!(e instanceof Refused)) throw e;
  console.error(`differential: ${e.message}`);
  process.exitCode = 2;
} finally {
  if (work) rmSync(work, { recursive: true, force: true });
}
