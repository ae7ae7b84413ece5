/**
 * Pairs the instances of several nodes into peer sets (docs/usage.md, Cluster analysis): by instance name, else by
 * virtual_ipaddress set, else by VRID on the same interface name. Each pass only joins groups
 * that share no node, so one node never holds two members of a peer set.
 */
import { isLiteralBlock } from "../model/template.js";
import { healthyPriority } from "../model/tracking.js";
import { vipAddresses } from "../model/vrrp.js";
import type { Cluster, ClusterNode, Peer, PeerSet } from "./types.js";

type PeerKey = (peer: Peer) => string | undefined;

const byName: PeerKey = (p) => (p.instance.name ? `name:${p.instance.name}` : undefined);
const byVips: PeerKey = (p) => {
  const vips = vipAddresses(p.instance);
  return vips.length ? `vips:${vips.join(",")}` : undefined;
};
const byVridOnInterface: PeerKey = (p) => {
  const vrid = p.instance.virtualRouterId?.value;
  const iface = p.instance.interface?.value;
  return vrid !== undefined && iface !== undefined ? `vrid:${vrid}@${iface}/${p.instance.family}` : undefined;
};

interface Group {
  peers: Peer[];
  nodes: Set<ClusterNode>;
}

const disjoint = (a: Set<ClusterNode>, b: Set<ClusterNode>) => {
  for (const n of a) if (b.has(n)) return false;
  return true;
};

/** The first definition of a name counts; keepalived skips a second vrrp_instance with the same name. */
function peersOf(node: ClusterNode): Peer[] {
  const seen = new Set<string>();
  const out: Peer[] = [];
  for (const instance of node.model.instances) {
    // A template's instance takes part only when the template writes all of it literally.
    if (seen.has(instance.name) || !isLiteralBlock(node.model.file, instance.block)) continue;
    seen.add(instance.name);
    out.push({ node, instance });
  }
  return out;
}

export function pairInstances(nodes: readonly ClusterNode[]): PeerSet[] {
  let groups: Group[] = nodes.flatMap((n) => peersOf(n).map((p) => ({ peers: [p], nodes: new Set([n]) })));
  for (const key of [byName, byVips, byVridOnInterface]) {
    const index = new Map<string, Group[]>();
    const kept: Group[] = [];
    for (const g of groups) {
      const keys = [...new Set(g.peers.map(key).filter((k): k is string => k !== undefined))];
      let target: Group | undefined;
      for (const k of keys) {
        target = index.get(k)?.find((t) => disjoint(t.nodes, g.nodes));
        if (target) break;
      }
      if (target) {
        target.peers.push(...g.peers);
        for (const n of g.nodes) target.nodes.add(n);
      } else kept.push(g);
      const owner = target ?? g;
      for (const k of keys) {
        const list = index.get(k);
        if (!list) index.set(k, [owner]);
        else if (!list.includes(owner)) list.push(owner);
      }
    }
    groups = kept;
  }
  const order = new Map(nodes.map((n, i) => [n, i]));
  return groups.map((g) => {
    const peers = g.peers.sort((a, b) => order.get(a.node)! - order.get(b.node)!);
    return { name: peers[0]!.instance.name, peers };
  });
}

export function buildCluster(nodes: readonly ClusterNode[]): Cluster {
  return { nodes, peerSets: pairInstances(nodes) };
}

/**
 * Which peer is meant to be master: the one `state MASTER` peer if there is exactly one, else the
 * highest healthy priority (the first node on a tie, as `kalint diff MASTER BACKUP` orders them).
 */
export function masterOf(set: PeerSet): Peer {
  const declared = set.peers.filter((p) => p.instance.state.value === "MASTER");
  if (declared.length === 1) return declared[0]!;
  return highestPriority(set.peers);
}

/** The peer with the highest healthy priority: the first of those that tie. */
export function highestPriority(peers: readonly Peer[]): Peer {
  let best = peers[0]!;
  const priority = (p: Peer) => healthyPriority(p.node.model, p.instance);
  for (const p of peers) if (priority(p) > priority(best)) best = p;
  return best;
}

export function backupsOf(set: PeerSet): Peer[] {
  const master = masterOf(set);
  return set.peers.filter((p) => p !== master);
}

/** Each backup of each peer set with the peer meant to be master: what the mismatch rules compare. */
export function* backupPairs(cluster: Cluster): Generator<{ readonly master: Peer; readonly backup: Peer }> {
  for (const set of cluster.peerSets) {
    const master = masterOf(set);
    for (const backup of set.peers) if (backup !== master) yield { master, backup };
  }
}
