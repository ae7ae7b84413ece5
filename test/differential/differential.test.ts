/**
 * The differential test: keepalived 2.2.7 and kalint must agree on whether each file of the
 * shared corpus and each generated mutant has a configuration error (see docs/differential.md).
 */
import { spawnSync } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { collectCases, compareCases, scratchDir, summarize, unavailableReason } from "./harness.js";

const ROOT = resolve(__dirname, "../..");
const CORPUS = resolve(ROOT, "../shared/reference/corpus");
const BASES = join(__dirname, "bases");
const KALINT = process.env.KALINT_BIN ?? join(ROOT, "dist/kalint.js");
const MIN_AGREEMENT = 0.98;

const unavailable = unavailableReason();
if (unavailable) console.warn(`[differential] SKIPPED: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("differential against keepalived -t", () => {
  const scratch = scratchDir();
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  test(`agrees with keepalived ${"on"} at least ${MIN_AGREEMENT * 100}% of the files`, async () => {
    if (!existsSync(CORPUS)) console.warn(`[differential] NOTICE: corpus not found at ${CORPUS}; running on mutants only`);
    if (!existsSync(KALINT)) spawnSync(process.execPath, ["build.mjs"], { cwd: ROOT, stdio: "inherit" });
    const cases = collectCases(CORPUS, BASES, scratch);
    expect(cases.filter((c) => c.kind === "mutant").length).toBeGreaterThanOrEqual(500);

    const summary = summarize(await compareCases(cases, KALINT, scratch));
    console.log(summary.report);
    expect(summary.agreementRate).toBeGreaterThanOrEqual(MIN_AGREEMENT);
  }, 300_000);
});
