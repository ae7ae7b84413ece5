/**
 * The differential test: each keepalived release of releases.json and kalint, told to target
 * that release, must agree on whether each file of the shared corpus and each generated mutant
 * has a configuration error (see docs/differential.md). A release that is neither built
 * (scripts/build-keepalived.mjs) nor installed is skipped with a notice; .ci/run builds them all.
 * KALINT_DIFF_RELEASES=2.1.5,2.3.3 runs only those; KALINT_DIFF_CASES=REGEX only the cases
 * whose id matches (by hand: the agreement floor is not checked then); KALINT_DIFF_KEEP=DIR
 * writes every result (and the text of each file that disagrees) to DIR/VERSION.json.
 *
 * To keep CI's time in bounds, the installed release (Debian's) gets every file and each of the
 * others a deterministic sample: the corpus and every SAMPLE_EVERY-th mutant in generation
 * order, so every operator and the keyword sweeps are spread over it. KALINT_DIFF_SAMPLE=1 (or
 * KALINT_DIFF_ALL=1, which also keeps every mutant the operators can make) runs them all.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { collectCases, compareCases, oracleFor, RELEASES, scratchDir, summarize, unavailableReason } from "./harness.js";

const ROOT = resolve(__dirname, "../..");
const CORPUS = resolve(ROOT, "../shared/reference/corpus");
const BASES = join(__dirname, "bases");
const KALINT = process.env.KALINT_BIN ?? join(ROOT, "dist/kalint.js");
const MIN_AGREEMENT = 0.999;
const ONLY = process.env["KALINT_DIFF_RELEASES"]?.split(",");
const KEEP = process.env["KALINT_DIFF_KEEP"];
const CASES = process.env["KALINT_DIFF_CASES"] ? new RegExp(process.env["KALINT_DIFF_CASES"]) : undefined;
/** One mutant in this many for the releases other than the installed one (see above). */
const SAMPLE_EVERY = process.env["KALINT_DIFF_ALL"] === "1" ? 1 : Number(process.env["KALINT_DIFF_SAMPLE"] ?? 3);
if (!Number.isInteger(SAMPLE_EVERY) || SAMPLE_EVERY < 1)
  throw new Error(`KALINT_DIFF_SAMPLE must be a whole number of at least 1, not '${process.env["KALINT_DIFF_SAMPLE"]}'`);

const unavailable = unavailableReason(false);
if (unavailable) console.warn(`[differential] SKIPPED: ${unavailable}`);

describe.skipIf(unavailable !== undefined)("differential against keepalived -t", () => {
  const scratch = scratchDir();
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  for (const release of RELEASES.filter((r) => !ONLY || ONLY.includes(r.version))) {
    const oracle = oracleFor(release.version);
    const missing = "reason" in oracle ? oracle.reason : undefined;
    if (missing) console.warn(`[differential] keepalived ${release.version} SKIPPED: ${missing}`);

    test.skipIf(missing !== undefined)(
      `keepalived ${release.version} (${release.shippedBy}) agrees on at least ${MIN_AGREEMENT * 100}% of the files`,
      async () => {
        if ("reason" in oracle) return;
        if (!existsSync(CORPUS)) console.warn(`[differential] NOTICE: corpus not found at ${CORPUS}; running on mutants only`);
        if (!existsSync(KALINT)) spawnSync(process.execPath, ["build.mjs"], { cwd: ROOT, stdio: "inherit" });
        const t0 = Date.now();
        const all = collectCases(CORPUS, BASES, scratch, oracle.target);
        expect(all.filter((c) => c.kind === "mutant").length).toBeGreaterThanOrEqual(500);
        const every = release.system ? 1 : SAMPLE_EVERY;
        const mutants = all.filter((c) => c.kind === "mutant");
        const kept = mutants.filter((_, i) => i % every === 0);
        const sample = every === 1 ? all : [...all.filter((c) => c.kind !== "mutant"), ...kept];
        if (every > 1)
          console.log(
            `[differential] keepalived ${release.version}: a sample, the corpus and one mutant in ${every} (${kept.length} of ${mutants.length}); KALINT_DIFF_SAMPLE=1 runs all ${all.length} files`,
          );
        const cases = CASES ? sample.filter((c) => CASES.test(c.id)) : sample;

        const results = await compareCases(cases, KALINT, scratch, oracle);
        const summary = summarize(results, release.version, (Date.now() - t0) / 1000);
        console.log(summary.report);
        if (KEEP) {
          mkdirSync(KEEP, { recursive: true });
          const kept = results.map((r) => ({ ...r, ...(r.outcome === "disagree" ? { text: readFileSync(r.case.path, "utf8") } : {}) }));
          writeFileSync(join(KEEP, `${release.version}.json`), JSON.stringify(kept));
        }
        if (!CASES) expect(summary.agreementRate).toBeGreaterThanOrEqual(MIN_AGREEMENT);
      },
      900_000,
    );
  }
});
