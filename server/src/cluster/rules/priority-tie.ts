import { healthyPriority } from "../../model/tracking.js";
import { fixReplacing, placeOf, related, settingAnchor } from "../locate.js";
import { masterOf } from "../pairing.js";
import type { Peer } from "../types.js";
import type { ClusterRule } from "../types.js";

export const priorityTie: ClusterRule = {
  code: "priority-tie",
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      if (set.peers.length < 2) continue;
      const master = masterOf(set);
      const byPriority = new Map<number, Peer[]>();
      for (const p of set.peers) {
        const prio = healthyPriority(p.node.model, p.instance);
        byPriority.set(prio, [...(byPriority.get(prio) ?? []), p]);
      }
      const used = new Set(byPriority.keys());
      for (const [prio, tied] of byPriority) {
        if (tied.length < 2) continue;
        // The intended master (or else the first node) keeps its value; the others are told to move.
        const keeper = tied.includes(master) ? master : tied[0]!;
        const keeperAt = settingAnchor(keeper, keeper.instance.priority);
        for (const peer of tied) {
          if (peer === keeper) continue;
          const setting = peer.instance.priority;
          const shown = setting.word ? `priority ${prio}` : `priority ${prio} (keepalived's default)`;
          const others = tied.filter((t) => t !== peer).map((t) => placeOf(t.node, settingAnchor(t, t.instance.priority)));
          let fix;
          if (setting.word) {
            let free = prio - 1;
            while (free >= 1 && used.has(free)) free--;
            const newBase = setting.value - (prio - free);
            if (free >= 1 && newBase >= 1) {
              used.add(free);
              fix = fixReplacing(setting.word, String(newBase), `use ${newBase}`).fix;
            }
          }
          report({
            at: settingAnchor(peer, setting),
            message: `${shown} ties with its peer${others.length > 1 ? "s" : ""} (${others.join(", ")}); with equal priorities the node that becomes master first keeps the role, whichever was meant to be master, and only when two masters meet does the higher IP address win`,
            related: [related(keeperAt, "peer with the same priority")],
            ...(fix ? { fix } : {}),
          });
        }
      }
    }
  },
};
