import { vipAddresses, vipSet } from "../../model/vrrp.js";
import { formatVersion } from "../../schema/lookup.js";
import { atLeast, releaseOf, RELEASES } from "../../simulate/setup.js";
import { blockAnchor, childBlock, placeOf, related } from "../locate.js";
import { backupPairs } from "../pairing.js";
import type { ClusterRule, Peer } from "../types.js";

const vipAnchor = (peer: Peer) => blockAnchor(peer, childBlock(peer, "virtual_ipaddress"));

export const vipMismatch: ClusterRule = {
  code: "vip-mismatch",
  checkCluster(cluster, report) {
    for (const { master, backup } of backupPairs(cluster)) {
      const want = vipSet(master.instance, { addressesOnly: true });
      const got = vipSet(backup.instance, { addressesOnly: true });
      const missing = want.filter((a) => !got.includes(a));
      const extra = got.filter((a) => !want.includes(a));
      if (missing.length === 0 && extra.length === 0) continue;
      const parts = [...(missing.length ? [`missing ${missing.join(", ")}`] : []), ...(extra.length ? [`extra ${extra.join(", ")}`] : [])];
      const wantAt = vipAnchor(master);
      // Adverts carry addresses without prefixes, and keepalived drops an advert that does not carry
      // exactly its own addresses (vrrp_check_packet; checked in the lab).
      const sameAddresses = vipAddresses(master.instance).join(",") === vipAddresses(backup.instance).join(",");
      // Before 2.3.3 either node drops the other's adverts; later releases only log the mismatch.
      const accepted = RELEASES.vipMismatchAccepted;
      const drops = [master, backup].some((p) => !atLeast(releaseOf(p.node), accepted));
      report({
        at: vipAnchor(backup),
        message: sameAddresses
          ? `virtual_ipaddress differs from its peer's (${placeOf(master.node, wantAt)}) only in prefix lengths: ${parts.join("; ")}; adverts carry no prefixes, so failover works, but each node brings the addresses up with its own prefix`
          : drops
            ? `virtual_ipaddress differs from its peer's (${placeOf(master.node, wantAt)}): ${parts.join("; ")}; before keepalived ${formatVersion(accepted)} an advert must carry exactly the receiver's addresses, so each node drops the other's adverts and both are master in steady state (split brain)`
            : `virtual_ipaddress differs from its peer's (${placeOf(master.node, wantAt)}): ${parts.join("; ")}; keepalived (${formatVersion(accepted)} and later) still accepts the adverts, so failover happens, but after it clients lose the addresses this node does not carry`,
        related: [related(wantAt, "peer addresses")],
        ...(sameAddresses ? { mild: true } : {}),
      });
    }
  },
};
