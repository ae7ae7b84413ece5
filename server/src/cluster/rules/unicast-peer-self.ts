import { parseAddress } from "../../model/address.js";
import { related, settingAnchor } from "../locate.js";
import type { ClusterRule } from "../types.js";

/**
 * A node whose unicast_peer lists its own address (its unicast_src_ip). Templates make this
 * likely: a loop over every host of the group writes the node itself among its peers unless
 * the loop skips it. keepalived then sends each advert to itself as well as to its peers.
 */
export const unicastPeerSelf: ClusterRule = {
  code: "unicast-peer-self",
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      for (const peer of set.peers) {
        const src = peer.instance.unicastSrcIp;
        if (!src) continue;
        const own = parseAddress(src.value)?.address ?? src.value;
        for (const p of peer.instance.unicastPeers) {
          if (p.address !== own) continue;
          const line = p.line;
          report({
            at: { file: line.file, start: line.start, end: line.end },
            message: `unicast_peer lists ${p.address}, this node's own unicast_src_ip: it sends its adverts to itself (a template loop over every host should skip the node it renders)`,
            related: [related(settingAnchor(peer, src), "this node's unicast_src_ip")],
          });
        }
      }
    }
  },
};
