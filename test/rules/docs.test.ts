/**
 * The rule pages, docs/rules/<code>.md, against the registry: one page per code and no page
 * without one; the title is the code; the header line states the registry's severity and
 * category, and `fixable` exactly when the rule offers fixes.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { allRuleInfo } from "../../grammar/index.js";

const DOCS = join(__dirname, "..", "..", "docs", "rules");
const pages = readdirSync(DOCS).filter((f) => f.endsWith(".md")).map((f) => f.slice(0, -3));

test("one page per code, and no page without a code", () => {
  expect(pages.sort()).toEqual(allRuleInfo().map((r) => r.code).sort());
});

describe.each(allRuleInfo().map((r) => [r.code, r] as const))("%s", (code, rule) => {
  const lines = readFileSync(join(DOCS, `${code}.md`), "utf8").split("\n");

  test("the title is the code", () => {
    expect(lines[0]).toBe(`# ${code}`);
  });

  test("the header line states the registry's severity, category and whether it fixes", () => {
    const parts = lines[2]!.split(" · ");
    expect(parts[0]).toBe(`**${rule.severity}**`);
    expect(parts[1]).toBe(rule.category);
    expect(parts.includes("fixable")).toBe(rule.fixable);
  });
});
