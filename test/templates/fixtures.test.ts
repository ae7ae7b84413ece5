/**
 * Our own template fixtures, one per pattern found in published keepalived templates (see
 * docs/templates.md, "Real templates"): each names on its `# expect:` line the findings it must
 * give, `code@line`, and it gives those and no others. A file under `role/` is a partial of
 * role/templates/keepalived.conf.j2 and is checked through it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, test } from "vitest";
import { nodeFileHost } from "../../grammar/node.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { memoryHost } from "../support/memory-host.js";

const DIR = join(__dirname, "fixtures");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));
}

function expected(path: string): string[] {
  const m = /^# expect: (.*)$/m.exec(readFileSync(path, "utf8"));
  if (!m) throw new Error(`${path} has no '# expect:' line`);
  return m[1]!.trim() === "none"
    ? []
    : m[1]!
        .split(",")
        .map((s) => s.trim())
        .sort();
}

/** Findings of `path` as `code@line`, for the file itself only. */
function found(path: string, fragment = false): string[] {
  const a = analyze(path, { host: nodeFileHost, ...(fragment ? { fragment: true } : {}) });
  return a.diagnostics
    .filter((d) => d.file.path === path)
    .map((d) => `${d.code}@${d.file.positionAt(d.start).line + 1}`)
    .sort();
}

const PARTIALS = new Set([join(DIR, "role/templates/checks.j2")]);

describe.each(
  files(DIR)
    .filter((f) => !PARTIALS.has(f) && !f.endsWith("script_body.j2"))
    .map((f) => [relative(DIR, f), f] as const),
)("%s", (_name, path) => {
  test("gives the findings its expect line names, and no others", () => {
    expect(found(path, path.endsWith("fragment-vrrp.erb"))).toEqual(expected(path));
  });
});

test("a partial is checked in the block of its include site, through the file that includes it", () => {
  const main = join(DIR, "role/templates/keepalived.conf.j2");
  const partial = join(DIR, "role/templates/checks.j2");
  const a = analyze(main, { host: nodeFileHost });
  expect(a.partials).toEqual([partial]);
  const inPartial = a.diagnostics.filter((d) => d.file.path === partial).map((d) => `${d.code}@${d.file.positionAt(d.start).line + 1}`);
  expect(inPartial.sort()).toEqual(expected(partial));
  expect(a.diagnostics.find((d) => d.file.path === partial)!.message).toContain("virtual_server > real_server > BFD_CHECK");
});

test("the fragment fixture, read as a whole file, is reported unclosed", () => {
  expect(found(join(DIR, "fragment-vrrp.erb"))).toEqual(["syntax-error@3"]);
});

test("a fragment named on its own is read in the one block its first keyword belongs to", () => {
  const path = "/role/templates/real-server.erb";
  const text = "real_server <%= @ip %> <%= @port %> {\n    weight <%= @weight %>\n    bogus 1\n}\n";
  const a = analyze(path, { host: memoryHost({ [path]: text }), fragment: true });
  expect(a.diagnostics.map((d) => `${d.code}@${d.file.positionAt(d.start).line + 1}: ${d.message}`)).toEqual([
    "unknown-keyword@3: unknown keyword 'bogus' in virtual_server > real_server",
  ]);
});
