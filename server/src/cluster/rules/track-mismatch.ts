import { TRACK_KINDS } from "../../model/tracks.js";
import { effectiveTracks, type EffectiveTrack } from "../../model/tracking.js";
import { childBlock, blockAnchor, placeOf, plain, related } from "../locate.js";
import { backupPairs } from "../pairing.js";
import type { Report } from "../../rules/types.js";
import type { ClusterRule, Peer } from "../types.js";

interface Tracked {
  readonly track: EffectiveTrack;
  /** False when no object of that name is defined on the node: keepalived then drops the track. */
  readonly defined: boolean;
}

function tracked(peer: Peer): Map<string, Tracked> {
  const defs = peer.node.model.definitions;
  const out = new Map<string, Tracked>();
  for (const t of effectiveTracks(peer.node.model, peer.instance)) {
    // Only objects the file defines are compared: interface names are the host's, and peers on
    // different hardware name them differently.
    const kind = TRACK_KINDS[t.kind].definedBy;
    if (!kind) continue;
    const key = `${t.kind} ${t.name}`;
    if (!out.has(key)) out.set(key, { track: t, defined: defs.some((d) => d.kind === kind && d.name === t.name) });
  }
  return out;
}

export const trackMismatch: ClusterRule = {
  code: "track-mismatch",
  checkCluster(cluster, report) {
    for (const { master, backup } of backupPairs(cluster)) {
      const onMaster = tracked(master);
      const onBackup = tracked(backup);
      reportMissing(backup, onBackup, master, onMaster, report);
      reportMissing(master, onMaster, backup, onBackup, report);
    }
  },
};

/** Each object `other` tracks (and defines) that `peer` does not track, or tracks without defining. */
function reportMissing(peer: Peer, mine: Map<string, Tracked>, other: Peer, theirs: Map<string, Tracked>, report: Report): void {
  for (const [key, their] of theirs) {
    if (!their.defined) continue;
    const own = mine.get(key);
    if (own?.defined) continue;
    const { kind, name } = their.track;
    const where = placeOf(other.node, their.track.line);
    const what = `${kind} '${name}'`;
    const why = own
      ? `tracks ${what}, but defines no ${TRACK_KINDS[kind].definedBy} of that name, so keepalived drops the track; its peer tracks it (${where})`
      : `does not track ${what}, which its peer tracks (${where})`;
    report({
      at: own ? plain(own.track.line) : blockAnchor(peer, childBlock(peer, TRACK_KINDS[kind].keyword)),
      message: `vrrp_instance '${peer.instance.name}' ${why}: while this node holds the addresses, a failure of what ${name} watches here moves nothing, so the nodes disagree about when to fail over`,
      related: [related(their.track.line, `peer ${TRACK_KINDS[kind].keyword}`)],
    });
  }
}
