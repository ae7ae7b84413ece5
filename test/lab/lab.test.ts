/**
 * The differential test: every lab case on real keepalived daemons (`kalint lab --compare`) must
 * agree with the model on every owner and verdict. `npm test` runs the cases marked `ci` (under
 * three minutes); `npm run lab-test` (KALINT_LAB_ALL=1) runs them all. Without root, `ip` or
 * keepalived the test is skipped, and says why.
 */
import { spawn } from "node:child_process";
import { appendFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CASES, writeCase, type LabCase } from "./cases.js";
import { labUnavailable } from "./helpers.js";

const KALINT = "dist/kalint.js";

export interface LabRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runKalint(args: readonly string[]): Promise<LabRun> {
  return new Promise((resolve) => {
    const child = spawn("node", [KALINT, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `tasks` at most `limit` at a time. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out: T[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < tasks.length) {
        const k = next++;
        out[k] = await tasks[k]!();
      }
    }),
  );
  return out;
}

const why = labUnavailable();
const all = process.env["KALINT_LAB_ALL"] === "1";
// KALINT_LAB_CASES=a,b runs the named cases only (while working on one).
const named = process.env["KALINT_LAB_CASES"]?.split(",");
const chosen = CASES.filter((c) => (named ? named.includes(c.name) : all || c.ci));

describe.skipIf(why !== undefined)(`kalint lab --compare (${all ? "all cases" : "CI subset"})${why ? ` skipped: ${why}` : ""}`, () => {
  it(`agrees with the model on ${chosen.reduce((n, c) => n + Object.keys(c.expect).length, 0)} scenarios`, async () => {
    const started = Date.now();
    const results = await pool(
      chosen.map((c: LabCase) => async () => {
        const files = writeCase(c);
        // KALINT_LAB_KEEPALIVED=PATH checks another keepalived build (e.g. one of scripts/build-keepalived.mjs).
        const daemon = process.env["KALINT_LAB_KEEPALIVED"];
        const run = await runKalint([
          "lab",
          ...files,
          "--compare",
          "--format",
          "json",
          ...(daemon ? ["--keepalived", daemon] : []),
          ...Object.keys(c.expect).flatMap((s) => ["--scenario", s]),
        ]);
        return { c, run };
      }),
      3,
    );
    const report: string[] = [];
    const problems: string[] = [];
    for (const { c, run } of results) {
      if (run.code === 2 || !run.stdout) {
        problems.push(`${c.name}: ${run.stderr.trim()}`);
        continue;
      }
      const json = JSON.parse(run.stdout) as {
        keepalived: string;
        scenarios: { id: string; owners: Record<string, string[]>; verdict: string; settled_ms: number }[];
        model: { id: string; owners: Record<string, string[]>; race: Record<string, string[]>; verdict: string; settled_ms: number }[];
        disagreements: { id: string; problems: string[] }[];
      };
      json.scenarios.forEach((s, k) => {
        const m = json.model[k]!;
        const first = Object.keys(s.owners)[0]!;
        const modelOwners = m.race[first] ? `race ${m.race[first]!.join("|")}` : (m.owners[first] ?? []).join("+") || "-";
        report.push(
          `${c.name} ${s.id}: model ${modelOwners} ${m.verdict} ~${(m.settled_ms / 1000).toFixed(1)}s | keepalived ${json.keepalived} ${(s.owners[first] ?? []).join("+") || "-"} ${s.verdict} ${(s.settled_ms / 1000).toFixed(1)}s`,
        );
      });
      for (const d of json.disagreements) problems.push(`${c.name} ${d.id}: ${d.problems.join("; ")}`);
    }
    const text = `${report.join("\n")}\n(${((Date.now() - started) / 1000).toFixed(0)} s)\n`;
    process.stdout.write(text);
    if (process.env["KALINT_LAB_REPORT"]) appendFileSync(process.env["KALINT_LAB_REPORT"], text);
    expect(problems).toEqual([]);
  }, 1_200_000);
});
