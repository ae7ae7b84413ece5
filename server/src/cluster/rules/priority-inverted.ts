import { healthyPriority } from "../../model/tracking.js";
import { placeOf, related, settingAnchor } from "../locate.js";
import type { ClusterRule } from "../types.js";

export const priorityInverted: ClusterRule = {
  code: "priority-inverted",
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      const masters = set.peers.filter((p) => p.instance.state.value === "MASTER");
      const backups = set.peers.filter((p) => p.instance.state.value === "BACKUP");
      for (const m of masters) {
        const mine = healthyPriority(m.node.model, m.instance);
        for (const b of backups) {
          const theirs = healthyPriority(b.node.model, b.instance);
          if (mine >= theirs) continue;
          const bAt = settingAnchor(b, b.instance.priority);
          report({
            at: settingAnchor(m, m.instance.priority),
            message: `state MASTER with priority ${mine}, below the state BACKUP peer's ${theirs} (${placeOf(b.node, bAt)}); the backup takes the addresses as soon as it hears this node`,
            related: [related(bAt, "higher priority on the BACKUP node")],
          });
        }
      }
    }
  },
};
