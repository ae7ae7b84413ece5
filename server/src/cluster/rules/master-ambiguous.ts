import { healthyPriority } from "../../model/tracking.js";
import { placeOf, related, settingAnchor } from "../locate.js";
import { highestPriority } from "../pairing.js";
import type { ClusterRule } from "../types.js";

/**
 * The intended master must be plain: one `state MASTER` node, holding the highest priority.
 * Reported here: several `state MASTER` nodes (each takes the addresses at start-up until it
 * hears the other: a split-brain window on every start), and peers none of which is state
 * MASTER although none uses nopreempt (the role that meant one node to be master wrote
 * BACKUP everywhere). A MASTER below a BACKUP is priority-inverted's finding; equal
 * priorities are priority-tie's.
 */
export const masterAmbiguous: ClusterRule = {
  code: "master-ambiguous",
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      if (set.peers.length < 2) continue;
      const masters = set.peers.filter((p) => p.instance.state.value === "MASTER");
      if (masters.length >= 2) {
        // The one that wins the election keeps its state; the others are told.
        const keeper = highestPriority(masters);
        const keeperAt = settingAnchor(keeper, keeper.instance.state);
        for (const m of masters) {
          if (m === keeper) continue;
          report({
            at: settingAnchor(m, m.instance.state),
            message: `state MASTER here and on ${placeOf(keeper.node, keeperAt)}: both take the addresses at start-up until they hear each other; make every node but the intended master state BACKUP`,
            related: [related(keeperAt, "the other state MASTER")],
          });
        }
        continue;
      }
      if (masters.length === 0 && set.peers.every((p) => p.instance.state.statement !== undefined && !p.instance.nopreempt)) {
        const top = highestPriority(set.peers);
        report({
          at: settingAnchor(top, top.instance.state),
          message: `no peer is state MASTER, and none uses nopreempt: this node (priority ${healthyPriority(top.node.model, top.instance)}, the highest) is the master only after a full advert timeout on every start; write state MASTER on the node meant to hold the addresses`,
          related: set.peers.filter((p) => p !== top).map((p) => related(settingAnchor(p, p.instance.state), "state BACKUP peer")),
        });
      }
    }
  },
};
