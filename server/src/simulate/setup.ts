/**
 * What the failover simulation needs to know about each node and instance, read once from the
 * cluster model: who sends adverts to whom, which adverts are accepted, the priority arithmetic
 * of every tracked object, and the preemption settings keepalived actually runs with.
 *
 * Facts from keepalived's source (vrrp.c vrrp_check_packet, vrrp_state_backup,
 * vrrp_state_master_rx, vrrp_complete_instance; vrrp_track.c), in our own words:
 * - an advert is dropped on a different VRRP version, a different VRID, (VRRPv2) a different
 *   authentication type or password or a different advert interval, a different address count
 *   or an address of the receiver's list missing from it, and unicast where the receiver expects
 *   multicast or the other way round;
 * - with `check_unicast_src` (instance or global) a unicast advert whose source is not in the
 *   receiver's unicast_peer list is dropped; without it the source is not checked;
 * - a VRRPv3 backup adopts the master's advert interval; VRRPv2 drops a differing one;
 * - `nopreempt` and `preempt_delay` are cleared with `state MASTER` and with priority 255.
 */
import type { ValueLine } from "../../../grammar/index.js";
import { scopeOf, valueSetting } from "../model/settings.js";
import { effectiveTracks } from "../model/tracking.js";
import { authInEffect, isUnicast, vipAddresses } from "../model/vrrp.js";
import type { Cluster, ClusterNode, Peer } from "../cluster/types.js";
import { parseAddress } from "../model/address.js";
import type { TrackKind, VrrpInstance } from "../model/types.js";
import { compareVersions, formatVersion, keywordAt, NEWEST_VERSION } from "../schema/lookup.js";
import type { Version } from "../schema/types.js";

export interface SimTrack {
  readonly kind: TrackKind;
  readonly name: string;
  /** The scenario id part: the object's name, `if:NAME` for an interface. */
  readonly id: string;
  /** Effective weight (0: the instance goes to FAULT when the object fails). */
  readonly weight: number;
  readonly reverse: boolean;
  readonly line: ValueLine;
}

export interface SimInstance {
  readonly node: number;
  /** Index of the peer set (the same virtual router on every node). */
  readonly set: number;
  readonly name: string;
  readonly peer: Peer;
  readonly vrid: number | undefined;
  readonly version: 2 | 3;
  readonly family: 4 | 6;
  /** Milliseconds between adverts. */
  readonly advertMs: number;
  /** `TYPE:pass` as compared on receipt (VRRPv2 only), or "" for none. */
  readonly auth: string;
  /** The addresses carried in adverts, sorted (what a receiver compares). */
  readonly advertised: readonly string[];
  /** Every address the master adds (virtual_ipaddress and virtual_ipaddress_excluded). */
  readonly held: readonly string[];
  readonly unicast: boolean;
  readonly unicastPeers: readonly string[];
  readonly checkUnicastSrc: boolean;
  readonly mcastGroup: string;
  readonly iface: string;
  /** The node's source address for this instance's adverts. */
  readonly src: string;
  readonly basePriority: number;
  readonly owner: boolean;
  /** `state MASTER` (or priority 255): starts by claiming the role after one advert interval. */
  readonly wantMaster: boolean;
  readonly nopreempt: boolean;
  readonly preemptDelayMs: number;
  readonly tracks: readonly SimTrack[];
  /** `node/group` when the instance is a member of a sync group. */
  readonly syncGroup: string | undefined;
  readonly dontTrackPrimary: boolean;
  /** The keepalived release the node runs: what it accepts changed over time. */
  readonly release: Version;
}

/**
 * Behaviour that changed between releases (found by the lab on 2.0.19, 2.2.7 and 2.4.3 builds,
 * dated from keepalived's history):
 * - before 2.3.3 an advert without exactly the receiver's addresses is dropped; from 2.3.3 the
 *   mismatch is only logged;
 * - before 2.0.20 `dont_track_primary` did not stop the primary interface from being tracked when
 *   addresses sit on it.
 * (The instance keyword `check_unicast_src` is younger than the global one: the schema dates it.)
 */
export const RELEASES = {
  vipMismatchAccepted: [2, 3, 3] as Version,
  dontTrackPrimaryWorks: [2, 0, 20] as Version,
};

export const atLeast = (v: Version, since: Version) => compareVersions(v, since) >= 0;

/** The keepalived release a node runs: its target version, else the newest. */
export const releaseOf = (node: ClusterNode): Version => node.targetVersion ?? NEWEST_VERSION;

/**
 * Whether the instance drops unicast adverts whose source its unicast_peer list lacks
 * (vrrp_check_packet): with the instance's `check_unicast_src` where `release` reads it, or the
 * global `vrrp_check_unicast_src`.
 */
export function checksUnicastSource(node: ClusterNode, instance: VrrpInstance, release: Version): boolean {
  const since = keywordAt(["vrrp_instance"], "check_unicast_src")?.since;
  return (
    (instance.settings.has("check_unicast_src") && since !== undefined && atLeast(release, since)) ||
    node.model.global("vrrp_check_unicast_src") !== undefined
  );
}

export interface SimNode {
  readonly index: number;
  /** The node's name in scenario ids: its file's base name without extension, or its @id. */
  readonly name: string;
  readonly node: ClusterNode;
  /** The node's own address on the VRRP segment, per family. */
  readonly address: { readonly 4: string; readonly 6: string };
  /** Where the address came from, for the lab and the docs. */
  readonly addressFrom: "option" | "unicast_src_ip" | "peer list" | "default";
}

export interface SimSetup {
  readonly nodes: readonly SimNode[];
  readonly instances: readonly SimInstance[];
  /** Peer set names by index. */
  readonly sets: readonly string[];
}

/** `lb1` for `/etc/keepalived/lb1.conf`, or the node's @id. */
export function nodeName(node: ClusterNode): string {
  if (node.configId !== undefined) return node.configId;
  const base = node.path.split(/[\\/]/).pop() ?? node.path;
  const dot = base.lastIndexOf(".");
  return dot > 0 ? base.slice(0, dot) : base;
}

/** The default address of the n-th node (0-based) when nothing says it: 192.0.2.11, .12, ... (TEST-NET-1). */
export function defaultAddress(index: number, family: 4 | 6): string {
  return family === 4 ? `192.0.2.${11 + index}` : `2001:db8::${(0x11 + index).toString(16)}`;
}

const has = (instance: VrrpInstance, keyword: string) => instance.settings.has(keyword);

/**
 * Each node's address: `--address NODE=IP`, else an instance's unicast_src_ip, else the one
 * address that another node's unicast_peer list names and no node claims, else the default.
 */
function nodeAddresses(nodes: readonly ClusterNode[], given: Readonly<Record<string, string>>): SimNode[] {
  const names = nodes.map(nodeName);
  const out: { four?: string; six?: string; from: SimNode["addressFrom"] }[] = nodes.map(() => ({ from: "default" }));
  const put = (i: number, text: string, from: SimNode["addressFrom"]) => {
    const p = parseAddress(text);
    const slot = out[i]!;
    if (p.family === 4 && !slot.four) slot.four = p.address;
    else if (p.family === 6 && !slot.six) slot.six = p.address;
    else return;
    if (slot.from === "default") slot.from = from;
  };
  nodes.forEach((n, i) => {
    const g = given[names[i]!];
    if (g) for (const a of g.split(",")) put(i, a.trim(), "option");
    for (const inst of n.model.instances) if (inst.unicastSrcIp) put(i, inst.unicastSrcIp.value, "unicast_src_ip");
  });
  // A node without a source address is most likely the one peer address nobody else claims.
  for (const family of [4, 6] as const) {
    const claimed = new Set(out.map((o) => (family === 4 ? o.four : o.six)).filter((a): a is string => a !== undefined));
    nodes.forEach((_n, i) => {
      if ((family === 4 ? out[i]!.four : out[i]!.six) !== undefined) return;
      const candidates = new Set<string>();
      nodes.forEach((m, j) => {
        if (j === i) return;
        for (const inst of m.model.instances)
          for (const p of inst.unicastPeers) if (p.family === family && !claimed.has(p.address)) candidates.add(p.address);
      });
      if (candidates.size === 1) {
        const [only] = candidates;
        put(i, only!, "peer list");
        claimed.add(only!);
      }
    });
  }
  return nodes.map((node, index) => ({
    index,
    name: names[index]!,
    node,
    address: { 4: out[index]!.four ?? defaultAddress(index, 4), 6: out[index]!.six ?? defaultAddress(index, 6) },
    addressFrom: out[index]!.from,
  }));
}

function instanceOf(simNode: SimNode, set: number, peer: Peer, release: Version | undefined): SimInstance {
  const { instance } = peer;
  const node = simNode.node;
  const runs = release ?? releaseOf(node);
  const version = instance.version.value;
  const owner = instance.priority.value >= 255;
  const wantMaster = instance.state.value === "MASTER" || (instance.state.value === undefined && owner);
  const nopreempt = instance.nopreempt && !wantMaster && !owner;
  const strict = instance.strict.value;
  // Read as the schema reads it: a value keepalived refuses (over 1000 s, say) is ignored, so no delay.
  const delay = valueSetting<number>(scopeOf("vrrp_instance"), instance.settings.get("preempt_delay"))?.value ?? 0;
  const preemptDelayMs = !wantMaster && !nopreempt && !strict ? Math.round(delay * 1000) : 0;
  const auth = authInEffect(peer.instance);
  const group =
    instance.family === 4
      ? (node.model.global("vrrp_mcast_group4")?.args[0]?.text ?? "224.0.0.18")
      : (node.model.global("vrrp_mcast_group6")?.args[0]?.text ?? "ff02::12");
  const src = instance.unicastSrcIp ? parseAddress(instance.unicastSrcIp.value).address : simNode.address[instance.family];
  // An address owner runs without weighted tracks (vrrp_complete_instance drops them); unweighted ones still put it in FAULT.
  const tracks: SimTrack[] = effectiveTracks(peer.node.model, peer.instance)
    .filter((t) => !(owner && t.weight !== 0))
    .map((t) => ({
      kind: t.kind,
      name: t.name,
      id: t.kind === "interface" ? `if:${t.name}` : t.name,
      weight: t.weight,
      reverse: t.reverse,
      line: t.line,
    }));
  return {
    node: simNode.index,
    set,
    name: instance.name,
    peer,
    vrid: instance.virtualRouterId?.value,
    version,
    family: instance.family,
    advertMs: Math.round((instance.advertInt.value || 1) * 1000),
    auth: auth ? `${auth.type}:${auth.pass}` : "",
    advertised: vipAddresses(instance),
    held: [...new Set([...instance.virtualAddresses, ...instance.excludedAddresses].map((a) => a.address))].sort(),
    unicast: isUnicast(instance),
    unicastPeers: instance.unicastPeers.map((p) => p.address),
    checkUnicastSrc: checksUnicastSource(node, instance, runs),
    mcastGroup: group,
    iface: instance.interface?.value ?? "eth0",
    src,
    basePriority: instance.priority.value,
    owner,
    wantMaster,
    nopreempt,
    preemptDelayMs,
    tracks,
    syncGroup: instance.syncGroup ? `${simNode.index}/${instance.syncGroup.name}` : undefined,
    dontTrackPrimary: has(instance, "dont_track_primary") && atLeast(runs, RELEASES.dontTrackPrimaryWorks),
    release: runs,
  };
}

/** `release`: run every node as this keepalived release (the lab's daemon); else each node's target version. */
export function buildSetup(cluster: Cluster, addresses: Readonly<Record<string, string>> = {}, release?: Version): SimSetup {
  const nodes = nodeAddresses(cluster.nodes, addresses);
  const byNode = new Map(nodes.map((n) => [n.node, n]));
  const instances: SimInstance[] = [];
  cluster.peerSets.forEach((set, i) => {
    for (const peer of set.peers) instances.push(instanceOf(byNode.get(peer.node)!, i, peer, release));
  });
  return { nodes, instances, sets: cluster.peerSets.map((s) => s.name) };
}

/** Why `to` drops (or never receives) the adverts of `from`, or undefined when it accepts them. */
export function advertProblem(from: SimInstance, to: SimInstance, setup: SimSetup): string | undefined {
  if (from.family !== to.family) return "they use different address families";
  if (from.unicast) {
    const toAddress = setup.nodes[to.node]!.address[to.family];
    if (!from.unicastPeers.includes(toAddress) && !from.unicastPeers.includes(to.src))
      return `${nodeLabel(setup, from)} sends unicast adverts only to ${from.unicastPeers.join(", ") || "nobody"}, not to ${to.src}`;
  } else if (!to.unicast && from.mcastGroup !== to.mcastGroup)
    return `they use different multicast groups (${from.mcastGroup}, ${to.mcastGroup})`;
  if (from.unicast !== to.unicast)
    return to.unicast
      ? `${nodeLabel(setup, to)} expects unicast adverts but ${nodeLabel(setup, from)} sends multicast`
      : `${nodeLabel(setup, to)} expects multicast adverts but ${nodeLabel(setup, from)} sends unicast`;
  if (from.version !== to.version) return `VRRP version ${from.version} differs from ${to.version}`;
  if (from.vrid !== to.vrid) return `virtual_router_id ${from.vrid ?? "(none)"} differs from ${to.vrid ?? "(none)"}`;
  if (to.version === 2) {
    if (from.auth !== to.auth) return "their authentication differs (VRRPv2 checks type and password)";
    if (from.advertMs !== to.advertMs)
      return `advert_int ${from.advertMs / 1000} differs from ${to.advertMs / 1000} (VRRPv2 drops a differing interval)`;
  }
  if (
    !atLeast(to.release, RELEASES.vipMismatchAccepted) &&
    (from.advertised.length !== to.advertised.length || to.advertised.some((a) => !from.advertised.includes(a)))
  ) {
    return `their virtual_ipaddress lists differ (before keepalived ${formatVersion(RELEASES.vipMismatchAccepted)} an advert must carry exactly the receiver's addresses)`;
  }
  if (to.unicast && to.checkUnicastSrc && !to.unicastPeers.includes(from.src))
    return `${nodeLabel(setup, to)} checks unicast sources and ${from.src} is not in its unicast_peer`;
  return undefined;
}

export function nodeLabel(setup: SimSetup, i: SimInstance): string {
  return setup.nodes[i.node]!.name;
}
