/**
 * VRIDs shared by different clusters on one segment (`fleet-vrid-collision`), with a free VRID
 * suggested for each: the lowest one nobody on that segment uses, never suggested twice.
 */
import { segmentOf } from "../model/segment.js";
import { vipSet } from "../model/vrrp.js";
import { masterOf } from "./pairing.js";
import type { Cluster, Fleet, PeerSet } from "./types.js";

export interface VridUse {
  readonly cluster: Cluster;
  readonly set: PeerSet;
  readonly vrid: number;
  readonly vips: string;
  /** Unicast adverts reach only the listed peers; multicast, or a VMAC, puts the VRID on the wire. */
  readonly onWire: boolean;
}

export interface VridCollision {
  readonly segment: string;
  readonly vrid: number;
  /** The cluster that keeps the VRID (the first one read). */
  readonly kept: VridUse;
  /** The cluster that should move. */
  readonly moved: VridUse;
  readonly suggestion: number | undefined;
}

export function vridsBySegment(fleet: Fleet): Map<string, VridUse[]> {
  const bySegment = new Map<string, VridUse[]>();
  for (const cluster of fleet.clusters) {
    for (const set of cluster.peerSets) {
      const master = masterOf(set);
      const vrid = master.instance.virtualRouterId?.value;
      const segment = segmentOf(master.instance);
      if (vrid === undefined || segment === undefined) continue;
      const onWire = set.peers.some((p) => p.instance.unicastPeers.length === 0 || p.instance.settings.has("use_vmac"));
      const list = bySegment.get(segment) ?? [];
      list.push({ cluster, set, vrid, vips: vipSet(master.instance).join(","), onWire });
      bySegment.set(segment, list);
    }
  }
  return bySegment;
}

/** The lowest VRID from 1 to 255 not in `used`. */
function freeVrid(used: ReadonlySet<number>): number | undefined {
  for (let v = 1; v <= 255; v++) if (!used.has(v)) return v;
  return undefined;
}

export function findVridCollisions(fleet: Fleet): VridCollision[] {
  const out: VridCollision[] = [];
  for (const [segment, uses] of vridsBySegment(fleet)) {
    const used = new Set(uses.map((u) => u.vrid));
    const first = new Map<number, VridUse>();
    for (const use of uses) {
      const kept = first.get(use.vrid);
      if (!kept) {
        first.set(use.vrid, use);
        continue;
      }
      // Two routers of one cluster are vrid-collision's business; unicast-only pairs never meet.
      if (kept.cluster === use.cluster || kept.vips === use.vips || !(kept.onWire || use.onWire)) continue;
      const suggestion = freeVrid(used);
      if (suggestion !== undefined) used.add(suggestion);
      out.push({ segment, vrid: use.vrid, kept, moved: use, suggestion });
    }
  }
  return out;
}
