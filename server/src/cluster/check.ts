/**
 * Runs the cluster rules over a fleet and settles their findings like single-file ones: each
 * finding takes the severity settings of the node whose file it points into, and obeys that
 * file's `# kalint disable=` comments. The nodes' own diagnostics are merged in, once each.
 */
import { SourceText, type Diagnostic, type Span } from "../../../grammar/index.js";
import { finish, sortDiagnostics } from "../analysis/analyze.js";
import { protect } from "../analysis/disclosure.js";
import { runIsolated } from "../rules/types.js";
import { RULE_SET } from "./rule-set.js";
import type { ClusterNode, ClusterRule, Fleet } from "./types.js";

/** Where a failing cluster rule is reported: the start of the (first) node's file. */
function startOf(node: ClusterNode | undefined): Span {
  const file = node?.config.root ?? new SourceText("", "");
  return { file, start: 0, end: 0 };
}

const keyOf = (d: Diagnostic) => `${d.file.path}\0${d.start}\0${d.end}\0${d.code}\0${d.message}`;

/** Cluster findings before settings and suppressions. */
export function clusterFindings(fleet: Fleet, rules: readonly ClusterRule[] = RULE_SET.cluster): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const rule of rules) {
    for (const cluster of fleet.clusters) {
      const checkCluster = rule.checkCluster;
      if (checkCluster)
        runIsolated(
          rule.code,
          startOf(cluster.nodes[0]),
          (d) => out.push(d),
          (report) => checkCluster(cluster, report),
        );
    }
    const checkFleet = rule.checkFleet;
    if (checkFleet)
      runIsolated(
        rule.code,
        startOf(fleet.clusters[0]?.nodes[0]),
        (d) => out.push(d),
        (report) => checkFleet(fleet, report),
      );
  }
  return out;
}

/** Every diagnostic of the fleet: single-file ones of each node, then the cluster findings, settled and sorted. */
export function checkFleet(fleet: Fleet, rules: readonly ClusterRule[] = RULE_SET.cluster): Diagnostic[] {
  const nodes = fleet.clusters.flatMap((c) => c.nodes);
  const owner = new Map<SourceText, ClusterNode>();
  for (const n of nodes) for (const f of n.config.files) if (!owner.has(f)) owner.set(f, n);
  const byNode = new Map<ClusterNode, Diagnostic[]>();
  // A cluster finding may quote any node's values: none of their secrets may show.
  const substituted = nodes.flatMap((n) => n.config.substituted);
  for (const found of clusterFindings(fleet, rules)) {
    const d = protect(found, substituted);
    const n = owner.get(d.file);
    if (!n) continue;
    const list = byNode.get(n) ?? [];
    list.push(d);
    byNode.set(n, list);
  }
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  const add = (d: Diagnostic) => {
    const k = keyOf(d);
    if (seen.has(k)) return;
    seen.add(k);
    out.push(d);
  };
  // A disable comment is unused only if no node used it, for a single-file or a cluster finding.
  // (One file read once per @id is several nodes, so the same comment is judged several times.)
  const unused = new Map<string, Diagnostic>();
  const used = new Set<string>();
  for (const n of nodes) {
    const settled = finish(byNode.get(n) ?? [], n.config, n.rules);
    const first = new Map(n.diagnostics.filter((d) => d.code === "unused-suppression").map((d) => [keyOf(d), d]));
    const second = new Set(settled.filter((d) => d.code === "unused-suppression").map(keyOf));
    for (const [k, d] of first) second.has(k) ? unused.set(k, d) : used.add(k);
    for (const k of second) if (!first.has(k)) used.add(k);
    for (const d of n.diagnostics) if (d.code !== "unused-suppression") add(d);
    for (const d of settled) if (d.code !== "unused-suppression") add(d);
  }
  for (const [k, d] of unused) if (!used.has(k)) add(d);
  return sortDiagnostics(out);
}
