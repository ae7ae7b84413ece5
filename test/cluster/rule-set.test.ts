/** The registry and the rule modules describe the same rules: each code is builtin or implemented exactly once, in its scope. */
import { expect, test } from "vitest";
import { allRuleInfo } from "../../grammar/index.js";
import { RULE_SET } from "../../server/src/cluster/rule-set.js";

const codesOf = (scope: string) =>
  allRuleInfo()
    .filter((r) => r.scope === scope)
    .map((r) => r.code)
    .sort();

test("every file-scope code has exactly one file rule, and every file rule a registry line", () => {
  expect(RULE_SET.file.map((r) => r.code).sort()).toEqual(codesOf("file"));
});

test("every cluster-scope code has exactly one cluster rule, and every cluster rule a registry line", () => {
  expect(RULE_SET.cluster.map((r) => r.code).sort()).toEqual(codesOf("cluster"));
});

test("codes are unique slugs", () => {
  const codes = allRuleInfo().map((r) => r.code);
  expect(new Set(codes).size).toBe(codes.length);
  for (const c of codes) expect(c).toMatch(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/);
});
