import { vipAddresses, vipSet } from "../effective.js";
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
      // Adverts carry addresses without prefixes, and keepalived drops an advert that does not carry
      // exactly its own addresses (vrrp_check_packet; checked in the lab).
      const sameAddresses = vipAddresses(master.instance).join(",") === vipAddresses(backup.instance).join(",");
      report({
        at: vipAnchor(backup),
        message: sameAddresses
          ? `virtual_ipaddress differs from its peer's (${placeOf(master.node, wantAt)}) only in prefix lengths: ${parts.join("; ")}; adverts carry no prefixes, so failover works, but each node brings the addresses up with its own prefix`
          : `virtual_ipaddress differs from its peer's (${placeOf(master.node, wantAt)}): ${parts.join("; ")}; an advert must carry exactly the receiver's addresses, so each node drops the other's adverts and both are master in steady state (split brain)`,
        related: [related(wantAt, "peer addresses")],
        ...(sameAddresses ? { severity: "warning" as const } : {}),
      });
    }
  },
};
