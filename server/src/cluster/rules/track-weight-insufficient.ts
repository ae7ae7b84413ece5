import { MAX_PRIORITY, priorityRange, trackSwing, WEIGHT_LIMIT, type EffectiveTrack } from "../../model/tracking.js";
import { fixReplacing, placeOf, plain, related, settingAnchor } from "../locate.js";
import { backupsOf, masterOf } from "../pairing.js";
import type { Finding } from "../../rules/types.js";
import type { Cluster, ClusterRule, Peer } from "../types.js";

const describe = (t: EffectiveTrack) => `track_${t.kind} ${t.name} ${t.weight > 0 ? "+" : ""}${t.weight}${t.reverse ? " reverse" : ""}`;

const found = new WeakMap<Cluster, readonly Finding[]>();

/**
 * Failover arithmetic: with every weighted track on the master in its failing state its priority
 * must fall strictly below the best backup's with that backup's tracks all succeeding (an equal
 * priority is decided by IP address, not by health). keepalived clamps both to 1..254. Found once
 * per cluster: failover-outage reads these too, to leave the nodes they name to this rule.
 */
export function weightFindings(cluster: Cluster): readonly Finding[] {
  const cached = found.get(cluster);
  if (cached) return cached;
  const out: Finding[] = [];
  for (const set of cluster.peerSets) {
    if (set.peers.length < 2) continue;
    const master = masterOf(set);
    const range = priorityRange(master.node.model, master.instance);
    const weighted = range.tracks.filter((t) => t.weight !== 0);
    if (weighted.length === 0) continue;
    let best: { peer: Peer; priority: number } | undefined;
    for (const b of backupsOf(set)) {
      const p = priorityRange(b.node.model, b.instance).highest;
      if (!best || p > best.priority) best = { peer: b, priority: p };
    }
    if (!best) continue;
    const bestAt = settingAnchor(best.peer, best.peer.instance.priority);
    const where = placeOf(best.peer.node, bestAt);
    // The tracks that can lower it, each by its swing's low end (a reversed positive weight too).
    const down = weighted.map((t) => ({ t, by: -trackSwing(t).low })).filter((d) => d.by > 0);
    const atSpan = plain((down[0]?.t ?? weighted[0]!).line);
    if (range.owner) {
      out.push({
        at: settingAnchor(master, master.instance.priority),
        message: `priority 255 makes this node the address owner, and keepalived ignores weighted tracks on an owner (${weighted.map(describe).join(", ")}); they can never hand the addresses to ${where}`,
        related: [related(bestAt, "backup priority")],
      });
      continue;
    }
    if (range.lowest < best.priority) continue;
    const arithmetic = down.length
      ? `${range.base} ${down.map((d) => `- ${d.by}`).join(" ")} = ${range.lowest}`
      : `${range.base} with no track that lowers it`;
    const backupShown =
      best.priority > priorityRange(best.peer.node.model, best.peer.instance).base
        ? `${best.priority} with its tracks succeeding`
        : `${best.priority}`;
    // One line-weighted negative track: offer the weight that crosses the gap.
    let fix;
    if (down.length === 1 && down[0]!.t.weightFrom === "line" && down[0]!.t.weight < 0 && !down[0]!.t.reverse) {
      const t = down[0]!.t;
      const needed = t.weight - (range.lowest - best.priority + 1);
      const weightWord = t.line.words.find((_, i) => i > 0 && t.line.words[i - 1]!.text === "weight");
      if (weightWord && -needed <= WEIGHT_LIMIT[t.kind] && best.priority > 1) {
        fix = fixReplacing(weightWord, String(needed), `use weight ${needed}`).fix;
      }
    }
    out.push({
      at: atSpan,
      message: `with every weighted track failed (${weighted.map(describe).join(", ")}) this node's priority only falls to ${range.lowest} (${arithmetic}), not below the backup's ${backupShown} (${where}); the addresses never move${range.lowest === MAX_PRIORITY || range.lowest === 1 ? " (keepalived clamps priorities to 1..254)" : ""}`,
      related: [related(bestAt, "backup priority")],
      ...(fix ? { fix } : {}),
    });
  }
  found.set(cluster, out);
  return out;
}

/** A master whose tracks cannot lower it below its best backup: the addresses never move (weightFindings). */
export const trackWeightInsufficient: ClusterRule = {
  code: "track-weight-insufficient",
  checkCluster(cluster, report) {
    for (const finding of weightFindings(cluster)) report(finding);
  },
};
