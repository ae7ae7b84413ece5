/**
 * The rule pages, docs/rules/<code>.md, are executable (as actionlint's check-checks runs its
 * docs): one page per code of the registry, its header line states the registry's severity and
 * category (and `fixable` exactly when the rule offers fixes), and its Wrong example trips the
 * rule while its Right example is clean of every code. test/support/rule-docs.ts reads them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { allRuleInfo, type Diagnostic, type RuleInfo } from "../../grammar/index.js";
import { analyze } from "../../server/src/analysis/analyze.js";
import { checkFleet } from "../../server/src/cluster/check.js";
import { groupIntoClusters } from "../../server/src/cluster/fleet.js";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { buildCluster } from "../../server/src/cluster/pairing.js";
import { RULE_SET } from "../../server/src/cluster/rule-set.js";
import { DOCS_DIR, pageExamples, type Example, type ExampleFile } from "../support/rule-docs.js";
import { memoryHost } from "../support/memory-host.js";

/** Codes no configuration can show: their pages explain, and the named tests cover them. */
const NO_EXAMPLE: Readonly<Record<string, string>> = {
  "internal-error": "only a bug in a rule trips it (test/analysis/isolation.test.ts)",
  "line-too-long": "its example is a line over 1,023 bytes (test/grammar/parser.test.ts)",
  "template-undefined-variable": "render mode: its example needs vars files (test/render/vars.test.ts, test/cli/render.test.ts)",
  "template-render-unsupported": "render mode: its example needs vars files (test/render/filters.test.ts, test/cli/render.test.ts)",
};

const pages = readdirSync(DOCS_DIR)
  .filter((f) => f.endsWith(".md"))
  .map((f) => f.slice(0, -3));

test("one page per code, and no page without a code", () => {
  expect(pages.sort()).toEqual(
    allRuleInfo()
      .map((r) => r.code)
      .sort(),
  );
});

/** Everything kalint reports on an example: one node's analysis, or the nodes as `kalint diff` (or `fleet`) compares them. */
function run(rule: RuleInfo, example: Example, also: readonly ExampleFile[] = []): Diagnostic[] {
  const files = [...also.filter((f) => !example.files.some((e) => e.name === f.name)), ...example.files];
  const options = example.target ? { targetVersion: example.target } : {};
  if (rule.scope !== "cluster") {
    const host = memoryHost(Object.fromEntries(files.map((f) => [`/etc/keepalived/${f.name}`, f.text])));
    return [...analyze(`/etc/keepalived/${example.files[0]!.name}`, { host, ...options }).diagnostics];
  }
  const host = memoryHost(Object.fromEntries(files.map((f) => [`/${f.name}`, f.text])));
  const nodes = files.map((f) => loadNode(`/${f.name}`, { host, ...options }));
  const fleet = RULE_SET.cluster.find((r) => r.code === rule.code)?.checkFleet
    ? groupIntoClusters(nodes)
    : { clusters: [buildCluster(nodes)] };
  return checkFleet(fleet);
}

const seen = (list: readonly Diagnostic[]) =>
  list.map((d) => `${d.file.path}:${d.file.positionAt(d.start).line + 1} ${d.code}: ${d.message}`);

describe.each(allRuleInfo().map((r) => [r.code, r] as const))("%s", (code, rule) => {
  const lines = readFileSync(join(DOCS_DIR, `${code}.md`), "utf8").split("\n");

  test("the title is the code; the header line states the registry's severity, category and whether it fixes", () => {
    expect(lines[0]).toBe(`# ${code}`);
    const parts = lines[2]!.split(" · ");
    expect(parts[0]).toBe(`**${rule.severity}**`);
    expect(parts[1]).toBe(rule.category);
    expect(parts.includes("fixable")).toBe(rule.fixable);
  });

  if (NO_EXAMPLE[code]) return;
  const examples = pageExamples(code);

  test("the Wrong example trips the rule, with a fix when the rule offers fixes", () => {
    expect(examples.stray).toBe(0);
    expect(examples.wrong.files.length).toBeGreaterThan(0);
    const found = run(rule, examples.wrong).filter((d) => d.code === code);
    expect(found.length).toBeGreaterThan(0);
    expect(found.some((d) => d.fix !== undefined)).toBe(rule.fixable);
  });

  test("the Right example is clean of every code", () => {
    expect(examples.right.files.length).toBeGreaterThan(0);
    expect(seen(run(rule, examples.right, examples.wrong.files))).toEqual([]);
  });
});
