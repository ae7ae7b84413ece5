/**
 * The import direction of docs/ARCHITECTURE.md: grammar → schema → validate → model → rules →
 * analysis → cluster → service → cli / lsp. A file may import its own folder and any lower layer,
 * never a higher one, and never a sibling of its own rank (cli and lsp, analysis and format),
 * except within one of the GROUPS below. A new folder fails this test until it is given its place.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { expect, test } from "vitest";

const ROOT = resolve(__dirname, "..");

/** Each layered folder (or file) with its rank; lower ranks are imported by higher ones. */
const LAYERS: Readonly<Record<string, number>> = {
  // The registry of codes (grammar/registry.ts) is part of the floor: the grammar reports codes too.
  grammar: 0,
  "server/src/version.ts": 0,
  // The messages kalint adds to LSP, read by the server and by both clients (it imports nothing).
  "server/src/protocol.ts": 0,
  "package.json": -1,
  "server/src/schema": 1,
  "server/src/validate": 2,
  "server/src/model": 3,
  "server/src/rules": 4,
  "server/src/analysis": 5,
  "server/src/format": 5,
  "server/src/cluster": 6,
  "server/src/simulate": 6,
  // Render mode renders a template per node and checks the nodes as analysis and cluster do; the
  // service shows it in the editor.
  "server/src/render": 6.5,
  "server/src/service": 7,
  "server/src/lab": 7,
  "server/src/cli": 8,
  "server/src/lsp": 8,
};

/**
 * Folders of one rank that may import each other. The simulation uses the cluster's types and
 * places, and the cluster rules state what it computes (failover-outage): one layer in two folders.
 */
const GROUPS: readonly (readonly string[])[] = [["server/src/cluster", "server/src/simulate"]];
const grouped = (a: string, b: string) => GROUPS.some((g) => g.includes(a) && g.includes(b));

function files(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) out.push(...files(path));
    else if (/\.ts$/.test(name) && !name.endsWith(".d.ts")) out.push(path);
  }
  return out;
}

/** The layer a repository path belongs to: its longest listed prefix. */
function layerOf(path: string): string | undefined {
  return Object.keys(LAYERS)
    .filter((l) => path === l || path.startsWith(`${l}/`))
    .sort((a, b) => b.length - a.length)[0];
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|import\s*\(\s*"([^"]+)"\s*\)|(?:^|\n)\s*import\s+"([^"]+)"/g;

function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2] ?? m[3]!;
    if (!spec.startsWith(".")) continue; // packages, node: modules, virtual modules
    out.push(relative(ROOT, resolve(ROOT, dirname(file), spec)).replace(/\.js$/, ".ts"));
  }
  return out;
}

const sources = [...files("grammar"), ...files("server/src")];

test("every source file has a layer", () => {
  expect(sources.filter((f) => layerOf(f) === undefined)).toEqual([]);
});

test("no file imports a higher layer or a sibling layer of its own rank", () => {
  const wrong: string[] = [];
  for (const file of sources) {
    const from = layerOf(file)!;
    for (const target of importsOf(file)) {
      const to = layerOf(target);
      if (to === undefined) {
        wrong.push(`${file} imports ${target}, which has no layer`);
        continue;
      }
      if (to === from || grouped(from, to)) continue;
      if (LAYERS[to]! >= LAYERS[from]!) wrong.push(`${file} (${from}) imports ${target} (${to})`);
    }
  }
  expect(wrong).toEqual([]);
});

test("the language service and what it builds on use no Node API a browser lacks (files come through the FileHost)", () => {
  // node:path and node:url have browser stand-ins; the file system, processes and the network do not.
  const allowed = new Set(["node:path", "node:url"]);
  // grammar/ keeps nodeFileHost beside the FileHost, analysis/ the rc-file lookup (the CLI's and
  // the language server's), lab/ runs daemons: those stay out of a browser build by design.
  const browser = new Set([
    "server/src/schema",
    "server/src/validate",
    "server/src/model",
    "server/src/rules",
    "server/src/cluster",
    "server/src/simulate",
    "server/src/service",
  ]);
  const below = sources.filter((f) => browser.has(layerOf(f)!));
  const wrong = below.flatMap((f) =>
    [...readFileSync(join(ROOT, f), "utf8").matchAll(/from\s+"(node:[\w/]+)"/g)]
      .map((m) => m[1]!)
      .filter((m) => !allowed.has(m))
      .map((m) => `${f}: ${m}`),
  );
  expect(wrong).toEqual([]);
});

test("the check sees imports of every form", () => {
  const probe = [
    'import a from "./a.js";',
    'import type { B } from "../b.js";',
    'export { c } from "./c.js";',
    'const d = await import("./d.js");',
    'import "./e.js";',
  ].join("\n");
  expect([...probe.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3])).toEqual(["./a.js", "../b.js", "./c.js", "./d.js", "./e.js"]);
});
