/**
 * Every hostile input class through the built CLI as a child process under a memory cap: it
 * must end by itself, in a few seconds of CPU and a few hundred MB, with the expected finding
 * and exit code, and copy no secret into any output format. What is bounded is the time to end,
 * taken as the smaller of wall and CPU time: wall time is what the user waits, but the suite
 * shares its machine, so CPU time stands in for it; and the process's CPU time also counts V8's
 * garbage-collection threads working beside the main one (the ~SEQ input: 4.1 s wall, 5.1 s of
 * CPU). A hang or a blow-up exceeds both.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { built, bundle } from "../cli/run-kalint.js";
import { INPUTS } from "./inputs.js";

const MAX_SECONDS = 5;
const MAX_RSS_MB = 500;

const work = mkdtempSync(join(tmpdir(), "kalint-hostile-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// Reports the child's own CPU time and peak memory as it exits (a crash reports nothing).
const measure = join(work, "measure.cjs");
writeFileSync(
  measure,
  `process.on("exit", () => { const u = process.resourceUsage(); require("fs").writeFileSync(process.env.KALINT_MEASURE, JSON.stringify({ cpu: (u.userCPUTime + u.systemCPUTime) / 1e6, rssMB: u.maxRSS / 1024 })); });\n`,
);

interface Outcome {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly cpu: number;
  readonly rssMB: number;
  readonly wall: number;
}

function run(dir: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): Outcome {
  const out = join(dir, `.measure-${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  // prlimit caps the address space (a blow-up fails here instead of taking the machine); the
  // heap flag makes V8 give up before that, with a message.
  const r = spawnSync("prlimit", [`--as=${4 * 1024 ** 3}`, process.execPath, "--max-old-space-size=1024", "-r", measure, bundle, ...args], {
    cwd: dir,
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 << 20,
    env: { PATH: process.env["PATH"] ?? "", HOME: dir, KALINT_MEASURE: out, KALINT_CODE_CACHE: "0", ...env },
  });
  const wall = (performance.now() - started) / 1000;
  let m = { cpu: Infinity, rssMB: Infinity };
  try {
    m = JSON.parse(readFileSync(out, "utf8")) as typeof m;
  } catch {
    // no report: the process died (signal, abort); the assertions below say so
  }
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "", wall, ...m };
}

export const measured: string[] = [];
afterAll(() => {
  if (measured.length) console.log(`hostile inputs, kalint check (input | wall s | CPU s | peak MB | finding):\n${measured.join("\n")}`);
});

describe.runIf(built)("kalint check of hostile inputs", () => {
  test.each(INPUTS.map((i) => [i.name, i] as const))(
    "%s",
    (_, input) => {
      const dir = mkdtempSync(join(work, "case-"));
      try {
        const target = input.make(dir);
        const r = run(dir, ["check", "--format", "json", target], input.cli.env);
        const finding =
          input.cli.exit === 2
            ? r.stderr.trim()
            : ((JSON.parse(r.stdout || "{}").diagnostics ?? []).find((d: { code: string }) => d.code === input.cli.code)?.message ??
              "(none)");
        measured.push(
          `${input.name} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${Math.round(r.rssMB)} | ${input.cli.exit === 2 ? "exit 2: " : `${input.cli.code}: `}${String(finding).slice(0, 110)}`,
        );
        expect(r.stderr.includes("JavaScript heap") || r.stderr.includes("internal error")).toBe(false);
        expect(r.code, r.stderr.slice(0, 500)).toBe(input.cli.exit);
        if (input.cli.exit === 2) expect(r.stderr).toMatch(input.cli.stderr!);
        else {
          const report = JSON.parse(r.stdout) as { diagnostics: { code: string }[] };
          expect(report.diagnostics.map((d) => d.code)).toContain(input.cli.code);
          // Output stays readable however many findings there are.
          expect(r.stdout.length).toBeLessThan(256 * 1024);
        }
        expect(
          Math.min(r.wall, r.cpu),
          `seconds to end (wall ${r.wall.toFixed(2)}, CPU ${r.cpu.toFixed(2)}) for ${input.name}`,
        ).toBeLessThan(MAX_SECONDS);
        expect(r.rssMB, `peak MB for ${input.name}`).toBeLessThan(MAX_RSS_MB);
        if (input.secret) {
          for (const format of ["text", "json", "sarif", "github"]) {
            const o = run(dir, ["check", "--format", format, target], input.cli.env);
            expect(o.stdout + o.stderr, format).not.toContain(input.secret);
            // Not even a long piece of it.
            expect(o.stdout + o.stderr, format).not.toContain(input.secret.slice(0, 8));
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );
});
