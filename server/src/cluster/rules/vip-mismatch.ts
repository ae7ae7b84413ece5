import type { Block } from "../../../../grammar/index.js";
import { vipSet } from "../effective.js";
import { instanceAnchor, placeOf, related } from "../locate.js";
import { backupsOf, masterOf } from "../pairing.js";
import type { Peer } from "../types.js";
import type { ClusterRule } from "../types.js";

function vipAnchor(peer: Peer) {
  const block = peer.instance.block.children.find((c): c is Block => c.kind === "block" && c.keyword.text === "virtual_ipaddress");
  return block ? { file: block.keyword.file, start: block.keyword.start, end: block.keyword.end } : instanceAnchor(peer);
}

export const vipMismatch: ClusterRule = {
  scope: "cluster",
  code: "vip-mismatch",
  severity: "error",
  category: "cluster",
  summary: "peer instances carry different virtual_ipaddress sets",
  fixable: false,
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      const master = masterOf(set);
      const want = vipSet(master.instance);
      const wantAt = vipAnchor(master);
      for (const peer of backupsOf(set)) {
        const got = vipSet(peer.instance);
        const missing = want.filter((a) => !got.includes(a));
        const extra = got.filter((a) => !want.includes(a));
        if (missing.length === 0 && extra.length === 0) continue;
        const parts = [
          ...(missing.length ? [`missing ${missing.join(", ")}`] : []),
          ...(extra.length ? [`extra ${extra.join(", ")}`] : []),
        ];
        report({
          at: vipAnchor(peer),
          message: `virtual_ipaddress differs from its peer's (${placeOf(master.node, wantAt)}): ${parts.join("; ")}; after a failover clients lose the addresses this node does not carry`,
          related: [related(wantAt, "peer addresses")],
        });
      }
    }
  },
};
