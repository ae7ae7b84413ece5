/**
 * Effective values of an instance as keepalived runs it, beyond what the node model already
 * resolves: track weights inherited from their objects, the priority range tracking can reach,
 * authentication as keepalived applies it, and the keys peers are compared by.
 */
import type { Block, ValueLine } from "../../../grammar/index.js";
import { trackWeight, type TrackWeight } from "../model/track-weight.js";
import type { TrackKind, VirtualAddress, VrrpInstance } from "../model/types.js";
import type { Peer } from "./types.js";

/** keepalived's ceiling for a non-owner's priority; 255 is reserved for the address owner. */
export const MAX_PRIORITY = 254;
export const OWNER_PRIORITY = 255;

export interface EffectiveTrack {
  readonly kind: TrackKind;
  readonly name: string;
  /** 0 means the instance goes to FAULT when the object fails (no weight arithmetic). */
  readonly weight: number;
  readonly reverse: boolean;
  readonly line: ValueLine;
  /** Where the weight came from: the track line, the tracked object's own `weight`, or keepalived's default. */
  readonly weightFrom: TrackWeight["from"];
}

/** Scripts, interfaces and BFD accept ±254 but run with ±253; files and processes keep ±254. */
export const WEIGHT_LIMIT: Readonly<Record<TrackKind, number>> = { script: 253, interface: 253, bfd: 253, process: 254, file: 254 };

function hasFlag(block: Block, keyword: string): boolean {
  return block.children.some((c) => c.kind === "statement" && c.keyword.text === keyword);
}

/**
 * The instance's tracks with their effective weights. Members of a sync group take the group's
 * tracks too; without `sync_group_tracking_weight` keepalived drops the weights there, so every
 * track of a member then puts the whole group into FAULT instead (weight 0).
 */
export function effectiveTracks(peer: Peer): EffectiveTrack[] {
  const { instance } = peer;
  const model = peer.node.model;
  const group = instance.syncGroup;
  const weightsApply = !group || hasFlag(group.block, "sync_group_tracking_weight");
  const entries = [...instance.tracks, ...(group?.tracks ?? [])];
  return entries.map((t) => {
    const { weight, reverse, from } = trackWeight(model, t);
    const limit = WEIGHT_LIMIT[t.kind];
    return {
      kind: t.kind,
      name: t.name,
      weight: weightsApply ? Math.max(-limit, Math.min(limit, weight)) : 0,
      reverse,
      line: t.line,
      weightFrom: from,
    };
  });
}

export interface PriorityRange {
  /** The configured (or defaulted) priority. */
  readonly base: number;
  /**
   * Lowest priority the tracks can bring it to: every track that lowers it in its failing state.
   * `reverse` only swaps which state of the tracked object applies the weight, so the reachable
   * range depends on the signs of the weights alone.
   */
  readonly lowest: number;
  /** Highest: every track that raises it in its succeeding state. */
  readonly highest: number;
  /** Priority 255 owns the addresses; keepalived ignores weighted tracks on it. */
  readonly owner: boolean;
  readonly tracks: readonly EffectiveTrack[];
}

const clamp = (p: number) => Math.max(1, Math.min(MAX_PRIORITY, p));

export function priorityRange(peer: Peer): PriorityRange {
  const base = peer.instance.priority.value;
  const tracks = effectiveTracks(peer);
  if (base >= OWNER_PRIORITY) return { base, lowest: base, highest: base, owner: true, tracks };
  let down = 0;
  let up = 0;
  for (const t of tracks) {
    if (t.weight < 0) down += t.weight;
    else up += t.weight;
  }
  return { base, lowest: clamp(base + down), highest: clamp(base + up), owner: false, tracks };
}

/** The priority a node runs with while everything it tracks is healthy (positive weights added). */
export function healthyPriority(peer: Peer): number {
  return priorityRange(peer).highest;
}

export interface EffectiveAuth {
  readonly type: string;
  /** keepalived keeps the first 8 characters only. */
  readonly pass: string;
}

/**
 * Authentication as keepalived applies it: none with VRRPv3 or `vrrp_strict`, none when the type
 * or the password is missing, and the password cut to 8 characters.
 */
export function effectiveAuth(peer: Peer): EffectiveAuth | undefined {
  const { instance } = peer;
  const auth = instance.authentication;
  if (!auth?.type || !auth.pass) return undefined;
  // `strict` is the model's reading (instance strict_mode, else vrrp_strict), so `vrrp_strict off` is not strict.
  if (instance.version.value === 3 || instance.strict.value) return undefined;
  return { type: auth.type.value.toUpperCase(), pass: auth.pass.value.slice(0, 8) };
}

export function isUnicast(instance: VrrpInstance): boolean {
  return instance.unicastPeers.length > 0;
}

/** `address/prefix` with the host prefix keepalived assumes when none is written. */
export function addressWithPrefix(a: VirtualAddress): string {
  return `${a.address}/${a.prefix ?? (a.family === 6 ? 128 : 32)}`;
}

/** The VIP set as compared between peers (order and `dev`/`label` do not matter). */
export function vipSet(instance: VrrpInstance, { addressesOnly = false } = {}): string[] {
  // addressesOnly leaves out entries that are no address at all (template placeholders), which the file check reports.
  const entries = addressesOnly ? instance.virtualAddresses.filter((a) => a.family !== undefined) : instance.virtualAddresses;
  return [...new Set(entries.map(addressWithPrefix))].sort();
}

/** The VIP addresses alone, as used to pair instances and group files. */
export function vipAddresses(instance: VrrpInstance): string[] {
  return [...new Set(instance.virtualAddresses.map((a) => a.address))].sort();
}
