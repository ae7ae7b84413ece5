import type { Span } from "../../../../grammar/index.js";
import type { VirtualServer } from "../../model/types.js";
import { placeOf, plain, related } from "../locate.js";
import type { ClusterNode } from "../types.js";
import type { Cluster, ClusterRule } from "../types.js";
import { masterOf } from "../pairing.js";

/** How a virtual server is matched across nodes: its address and port (canonical), fwmark or group. */
function vsKey(vs: VirtualServer): string {
  return vs.kind === "address" ? `${vs.address} ${vs.port ?? ""}`.trim() : vs.key;
}

const keywordSpan = (vs: VirtualServer): Span => plain(vs.block.keyword);

/** The differences keepalived acts on: forwarding method, scheduler, protocol, real servers and their checks. */
function compare(want: VirtualServer, got: VirtualServer): string[] {
  const out: string[] = [];
  const field = (name: string, a: string | undefined, b: string | undefined, fallback: string) => {
    const x = (a ?? fallback).toUpperCase();
    const y = (b ?? fallback).toUpperCase();
    if (x !== y) out.push(`${name} ${y} here, ${x} on its peer`);
  };
  field("lvs_method", want.method?.value, got.method?.value, "NAT");
  field("lvs_sched", want.scheduler?.value, got.scheduler?.value, "");
  field("protocol", want.protocol?.value, got.protocol?.value, "TCP");
  const rsKey = (r: VirtualServer["realServers"][number]) => `${r.address}${r.port !== undefined ? ` ${r.port}` : ""}`;
  const theirs = new Map(want.realServers.map((r) => [rsKey(r), r]));
  const mine = new Map(got.realServers.map((r) => [rsKey(r), r]));
  const missing = [...theirs.keys()].filter((k) => !mine.has(k));
  const extra = [...mine.keys()].filter((k) => !theirs.has(k));
  if (missing.length) out.push(`real_server ${missing.join(", ")} missing here`);
  if (extra.length) out.push(`real_server ${extra.join(", ")} only here`);
  for (const [k, r] of mine) {
    const t = theirs.get(k);
    if (!t) continue;
    if (t.weight !== r.weight) out.push(`real_server ${k} weight ${r.weight} here, ${t.weight} on its peer`);
    const checks = (x: typeof r) =>
      x.checkers
        .map((c) => c.keyword.text)
        .sort()
        .join(", ") || "none";
    if (checks(t) !== checks(r)) out.push(`real_server ${k} checks ${checks(r)} here, ${checks(t)} on its peer`);
  }
  return out;
}

export const virtualServerMismatch: ClusterRule = {
  code: "virtual-server-mismatch",
  checkCluster(cluster, report) {
    // Compare against the node meant to be master, so the finding lands on the backup
    // whichever order the nodes were given in (the editor puts the open file first).
    const reference = referenceNode(cluster);
    // Templates write LVS tables with loops and expressions: no two can be compared as written.
    if (!reference || cluster.nodes.some((n) => n.model.file.template)) return;
    const others = cluster.nodes.filter((n) => n !== reference);
    const refServers = new Map(reference.model.virtualServers.map((vs) => [vsKey(vs), vs]));
    for (const node of others) {
      if (node.model.virtualServers.length === 0 && refServers.size === 0) continue;
      const servers = new Map(node.model.virtualServers.map((vs) => [vsKey(vs), vs]));
      for (const [key, want] of refServers) {
        if (servers.has(key)) continue;
        report({
          at: keywordSpan(want),
          message: `virtual_server ${want.key} is not configured on ${node.label}; after a failover that service stops`,
        });
      }
      for (const [key, got] of servers) {
        const want = refServers.get(key);
        if (!want) {
          report({
            at: keywordSpan(got),
            message: `virtual_server ${got.key} is configured only on this node, not on ${reference.label}; the service exists only while this node is master`,
          });
          continue;
        }
        const diffs = compare(want, got);
        if (diffs.length === 0) continue;
        report({
          at: keywordSpan(got),
          message: `virtual_server ${got.key} differs from its peer's (${placeOf(reference, keywordSpan(want))}): ${diffs.join("; ")}`,
          related: [related(keywordSpan(want), "peer virtual_server")],
        });
      }
    }
  },
};

/** The node that is master of the most peer sets; the first node when there are none. */
function referenceNode(cluster: Cluster): ClusterNode | undefined {
  const votes = new Map<ClusterNode, number>();
  for (const set of cluster.peerSets) {
    const master = masterOf(set).node;
    votes.set(master, (votes.get(master) ?? 0) + 1);
  }
  let best = cluster.nodes[0];
  for (const node of cluster.nodes) if ((votes.get(node) ?? 0) > (votes.get(best!) ?? 0)) best = node;
  return best;
}
