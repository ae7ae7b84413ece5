import type { Span } from "../../../../grammar/index.js";
import { simulateCluster, type ScenarioResult } from "../../simulate/scenarios.js";
import type { SimSetup } from "../../simulate/setup.js";
import { instanceAnchor, plain } from "../locate.js";
import type { Cluster, ClusterRule } from "../types.js";
import { weightFindings } from "./track-weight-insufficient.js";

/** Scenarios of one node's failure: what a cluster exists to survive. */
const FAILURES = new Set(["stop", "fail", "fail-all", "isolate"]);

const WHAT: Readonly<Record<ScenarioResult["verdict"], string>> = {
  ok: "",
  "split-brain": "split brain",
  "no-owner": "nobody holds the addresses",
  "no-failover": "no failover",
};

/** Nodes (by index) whose no-failover track-weight-insufficient already reports. */
function weightCovered(cluster: Cluster, setup: SimSetup): Set<number> {
  const out = new Set<number>();
  for (const f of weightFindings(cluster)) {
    const n = setup.nodes.find((x) => x.node.config.files.includes(f.at.file));
    if (n) out.add(n.index);
  }
  return out;
}

/** Where a scenario's finding points: the failed track's line on the node, else the node's first instance. */
function anchorOf(setup: SimSetup, s: ScenarioResult, node: number): Span | undefined {
  const insts = setup.instances.filter((i) => i.node === node);
  const tracks = insts.flatMap((i) => i.tracks);
  // `fail:NODE:ID`, where ID may itself hold a colon (`if:eth1`).
  const id = s.id.startsWith("fail:") ? s.id.split(":").slice(2).join(":") : undefined;
  const track = id !== undefined ? tracks.find((t) => t.id === id) : s.id.startsWith("fail-all:") ? tracks[0] : undefined;
  if (track) return plain(track.line);
  const first = insts[0];
  return first ? instanceAnchor(first.peer) : undefined;
}

export const failoverOutage: ClusterRule = {
  code: "failover-outage",
  checkCluster(cluster, report) {
    if (cluster.nodes.length < 2 || cluster.peerSets.every((s) => s.peers.length < 2)) return;
    const { setup, result } = simulateCluster(cluster);
    const start = result.scenarios.find((s) => s.id === "start");
    let covered: Set<number> | undefined;
    for (const s of result.scenarios) {
      const [kind, nodeName] = s.id.split(":");
      if (!FAILURES.has(kind!) || s.verdict === "ok") continue;
      // The same outcome in steady state is the defect of a mismatch rule (vrid, auth, addresses, ...), reported there.
      if (start && start.verdict === s.verdict) continue;
      const node = setup.nodes.find((n) => n.name === nodeName);
      if (!node) continue;
      if (s.verdict === "no-failover" && (covered ??= weightCovered(cluster, setup)).has(node.index)) continue;
      const at = anchorOf(setup, s, node.index);
      if (!at) continue;
      report({
        at,
        message: `when ${s.description} (scenario ${s.id}): ${WHAT[s.verdict]}; ${s.because}`,
        ...(s.related.length ? { related: s.related } : {}),
      });
    }
  },
};
