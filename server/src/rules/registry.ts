/** Every rule kalint knows, by code. */
import { BUILTIN_RULES } from "./builtin.js";
import { FILE_RULES } from "./index.js";
import type { Rule } from "./types.js";

const clusterRules: Rule[] = [];

/** Cluster rules register themselves from server/src/cluster so this layer does not depend on it. */
export function registerClusterRules(rules: readonly Rule[]): void {
  for (const r of rules) if (!clusterRules.some((c) => c.code === r.code)) clusterRules.push(r);
  byCode = undefined;
}

let byCode: Map<string, Rule> | undefined;

export function allRules(): readonly Rule[] {
  return [...BUILTIN_RULES, ...FILE_RULES, ...clusterRules];
}

export function ruleByCode(code: string): Rule | undefined {
  byCode ??= new Map(allRules().map((r) => [r.code, r]));
  return byCode.get(code);
}
