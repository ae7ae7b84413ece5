/**
 * Every single-file rule has a bad fixture that trips it and a good fixture that is clean of every
 * code, plus a docs page; the per-rule test files check positions, messages and fixes.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ruleInfo } from "../../grammar/index.js";
import { FILE_RULES } from "../../server/src/rules/index.js";
import type { Version } from "../../server/src/schema/types.js";
import { allCodes, findings, fixture } from "./helpers.js";

const DIR = join(__dirname, "fixtures");
/** Rules that speak only for some keepalived versions: their fixtures are read for one of them. */
const TARGET: Readonly<Record<string, Version>> = { "config-test-terminates": [2, 2, 7] };
const ROOT = join(__dirname, "..", "..");

describe.each(FILE_RULES.map((r) => [r.code, ruleInfo(r.code)!] as const))("%s", (code, rule) => {
  test("the bad fixture trips the rule", () => {
    const found = findings(code, fixture(`${code}.bad.conf`), {}, { targetVersion: TARGET[code] });
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) expect(f.severity).toBe(rule.severity);
  });

  test("the good fixture is clean of every code", () => {
    expect(allCodes(fixture(`${code}.good.conf`), TARGET[code])).toEqual([]);
  });

  test("has a docs page", () => {
    expect(existsSync(join(ROOT, "docs", "rules", `${code}.md`))).toBe(true);
  });

  test("fixable matches whether the rule offers fixes on its bad fixture", () => {
    const fixes = findings(code, fixture(`${code}.bad.conf`), {}, { targetVersion: TARGET[code] }).filter((f) => f.fix);
    if (rule.fixable) expect(fixes.length).toBeGreaterThan(0);
    else expect(fixes).toEqual([]);
  });
});

test("every fixture belongs to a rule", () => {
  const codes = new Set<string>(FILE_RULES.map((r) => r.code));
  for (const f of readdirSync(DIR)) expect(codes.has(f.replace(/\.(bad|good)\.conf$/, ""))).toBe(true);
});
