import { instanceAnchor } from "../locate.js";
import type { ClusterRule } from "../types.js";

export const peerMissing: ClusterRule = {
  code: "peer-missing",
  checkCluster(cluster, report) {
    if (cluster.nodes.length < 2) return;
    for (const set of cluster.peerSets) {
      if (set.peers.length !== 1) continue;
      const peer = set.peers[0]!;
      const others = cluster.nodes.filter((n) => n !== peer.node).map((n) => n.label);
      report({
        at: instanceAnchor(peer),
        message: `vrrp_instance ${peer.instance.name} has no peer on ${others.join(", ")} (no instance with this name, these addresses, or this VRID on the same interface); nothing takes over when this node fails`,
      });
    }
  },
};
