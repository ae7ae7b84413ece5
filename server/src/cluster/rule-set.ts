/**
 * The full rule set, assembled here where the single-file rules meet the cluster rules: every
 * code of the registry (grammar/registry.ts) is either reported while reading and validating
 * (scope "builtin") or implemented by exactly one module below (test/cluster/rule-set.test.ts
 * holds the two to each other). Nothing registers itself on import: what runs does not depend on
 * what else was loaded.
 */
import { FILE_RULES } from "../rules/index.js";
import type { FileRule } from "../rules/types.js";
import { CLUSTER_RULES } from "./rules/index.js";
import type { ClusterRule } from "./types.js";

export interface RuleSet {
  /** Run on each node by analyze() (server/src/analysis). */
  readonly file: readonly FileRule[];
  /** Run on each cluster and fleet by checkFleet() (cluster/check.ts). */
  readonly cluster: readonly ClusterRule[];
}

export const RULE_SET: RuleSet = { file: FILE_RULES, cluster: CLUSTER_RULES };
