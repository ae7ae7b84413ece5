import { vipSet } from "../effective.js";
import { blockAnchor, childBlock, placeOf, related } from "../locate.js";
import { backupPairs } from "../pairing.js";
import type { ClusterRule, Peer } from "../types.js";

const vipAnchor = (peer: Peer) => blockAnchor(peer, childBlock(peer, "virtual_ipaddress"));

export const vipMismatch: ClusterRule = {
  scope: "cluster",
  code: "vip-mismatch",
  severity: "error",
  category: "cluster",
  summary: "peer instances carry different virtual_ipaddress sets",
  fixable: false,
  checkCluster(cluster, report) {
    for (const { master, backup } of backupPairs(cluster)) {
      const want = vipSet(master.instance, { addressesOnly: true });
      const got = vipSet(backup.instance, { addressesOnly: true });
      const missing = want.filter((a) => !got.includes(a));
      const extra = got.filter((a) => !want.includes(a));
      if (missing.length === 0 && extra.length === 0) continue;
      const parts = [
        ...(missing.length ? [`missing ${missing.join(", ")}`] : []),
        ...(extra.length ? [`extra ${extra.join(", ")}`] : []),
      ];
      const wantAt = vipAnchor(master);
      report({
        at: vipAnchor(backup),
        message: `virtual_ipaddress differs from its peer's (${placeOf(master.node, wantAt)}): ${parts.join("; ")}; after a failover clients lose the addresses this node does not carry`,
        related: [related(wantAt, "peer addresses")],
      });
    }
  },
};
