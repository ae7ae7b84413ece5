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

function run(dir: string, args: readonly string[], env: Readonly<Record<string, string>> = {}, addressSpace = true): Outcome {
  const out = join(dir, `.measure-${Math.random().toString(36).slice(2)}.json`);
  const started = performance.now();
  // prlimit caps the address space (a blow-up fails here instead of taking the machine); the
  // heap flag makes V8 give up before that, with a message. Not for render mode: node 20 reserves
  // 10 GB of address space for any WebAssembly memory (its trap handler), so the engine would not
  // load at all; there the peak memory measured below is the bound.
  const cap = addressSpace ? ["prlimit", `--as=${4 * 1024 ** 3}`] : [];
  const r = spawnSync(
    cap[0] ?? process.execPath,
    [...cap.slice(1), ...(cap.length ? [process.execPath] : []), "--max-old-space-size=1024", "-r", measure, bundle, ...args],
    {
      cwd: dir,
      encoding: "utf8",
      timeout: 60_000,
      maxBuffer: 64 << 20,
      env: { PATH: process.env["PATH"] ?? "", HOME: dir, KALINT_MEASURE: out, KALINT_CODE_CACHE: "0", ...env },
    },
  );
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

/** Templates that are programs a pull request or workspace could bring: each renders to a finding, soon, in bounded memory. */
const TEMPLATES: readonly { readonly name: string; readonly text: string; readonly expect: RegExp }[] = [
  {
    name: "three nested range() loops (10^15 steps)",
    text: "{% for i in range(100000) %}{% for j in range(100000) %}{% for k in range(100000) %}x{% endfor %}{% endfor %}{% endfor %}\n",
    expect: /more than kalint's 10,000,000 steps/,
  },
  { name: "a 1 GB string in one expression", text: "{{ 'x' * 1000000000 }}\n", expect: /256 MB of memory/ },
  {
    name: "a 10 GB rendering built in a loop",
    text: "{% set s = 'x' * 100000 %}{% for i in range(100000) %}{{ s }}{% endfor %}\n",
    expect: /256 MB of memory|10,000,000 steps/,
  },
];

/** Runs `body` in a scratch folder holding `files` (a template and its nodes' vars files), removed after. */
function inFolder<T>(files: Readonly<Record<string, string>>, body: (dir: string) => T): T {
  const dir = mkdtempSync(join(work, "template-"));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    return body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** t.j2 rendered for lb1 and lb2 (lb1.yml, lb2.yml) and compared, as JSON. */
const DIFF_TWO_NODES = ["diff", "--no-config", "--format", "json", "t.j2", "--node", "lb1=lb1.yml", "--node", "lb2=lb2.yml"];

describe.runIf(built)("render mode on hostile templates", () => {
  test.each(TEMPLATES.map((t) => [t.name, t] as const))(
    "%s",
    (_, t) => {
      const files = {
        "t.j2": `global_defs {\n  router_id {{ inventory_hostname }}\n}\n${t.text}`,
        "lb1.yml": "a: 1\n",
        "lb2.yml": "a: 2\n",
      };
      const r = inFolder(files, (dir) => run(dir, DIFF_TWO_NODES, {}, false));
      const found = (JSON.parse(r.stdout || "{}").diagnostics ?? []) as { code: string; message: string; node?: string }[];
      const limits = found.filter((d) => d.code === "resource-limit");
      measured.push(
        `${t.name} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${Math.round(r.rssMB)} | ${limits[0]?.message.slice(0, 110) ?? "(none)"}`,
      );
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      // Both nodes: the first where the engine stops, the next named as not rendered after it.
      expect(limits.map((d) => d.node).sort()).toEqual(["lb1", "lb2"]);
      for (const d of limits) expect(d.message).toMatch(new RegExp(`${t.expect.source}|stopped on an earlier rendering`));
      expect(limits.some((d) => t.expect.test(d.message))).toBe(true);
      expect(Math.min(r.wall, r.cpu), `seconds to end for ${t.name}`).toBeLessThan(MAX_SECONDS);
      expect(r.rssMB, `peak MB for ${t.name}`).toBeLessThan(MAX_RSS_MB);
    },
    120_000,
  );

  test("under an address-space limit the engine cannot load: one line, exit 2, no internal error", () => {
    const files = { "t.j2": "global_defs {\n  router_id {{ inventory_hostname }}\n}\n", "lb1.yml": "a: 1\n" };
    const r = inFolder(files, (dir) => run(dir, ["check", "--no-config", "t.j2", "--vars", "lb1.yml"]));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^kalint: the Jinja2 engine cannot load here \(.*\); under an address-space limit .*--disable-wasm-trap-handler\n$/,
    );
  }, 60_000);

  test("after the engine stops on one node, the others are reported as not rendered, and render in a run of their own", () => {
    const files = {
      // Not a constant (the engine would fold it, and stop, as it reads the template): lb1's variable asks for 1 GB.
      "t.j2": "{{ 'x' * (size * 1000) }}\nglobal_defs {\n  router_id {{ inventory_hostname }}\n}\n",
      "lb1.yml": "size: 1000000\n",
      "lb2.yml": "size: 1\n",
    };
    const [r, rendered] = inFolder(files, (dir) => [
      run(dir, DIFF_TWO_NODES, {}, false),
      run(dir, ["render", "--no-config", "t.j2", "--vars", "lb2.yml"], {}, false),
    ]);
    const found = JSON.parse(r!.stdout) as { diagnostics: { code: string; node?: string; message: string }[] };
    const limits = found.diagnostics.filter((d) => d.code === "resource-limit");
    expect(limits.map((d) => [d.node, /256 MB/.test(d.message), /earlier rendering/.test(d.message)])).toEqual([
      ["lb1", true, false],
      ["lb2", false, true],
    ]);
    expect(rendered!.stdout).toContain("router_id lb2");
  }, 60_000);
});
