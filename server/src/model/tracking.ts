/**
 * What tracking does to one VRRP instance, as keepalived runs it: the weight each track line
 * applies (its own, else the tracked object's, else keepalived's default, limited to the range
 * keepalived runs with), whether weights apply at all (not inside a sync group unless
 * `sync_group_tracking_weight` is set), and the range of priorities that results. Pure functions
 * of one node's model: the cluster rules compare what these say, and the failover simulation
 * replays the tracks (simulate/engine.ts priorityOf computes the priority in each state).
 */
import { TRACK_LINE_RULES } from "../validate/lines/tracks.js";
import { hasStatement, scopeOf, valueSetting } from "./settings.js";
import { TRACK_KINDS } from "./tracks.js";
import type { ConfigModel, TrackEntry, TrackKind, VrrpInstance } from "./types.js";

/** keepalived's ceiling for a non-owner's priority; 255 is reserved for the address owner. */
export const MAX_PRIORITY = 254;
/** The priority of the address owner: it always preempts, and tracking weights do not move it. */
export const OWNER_PRIORITY = 255;

/** The largest weight keepalived runs a track of each kind with (scripts, interfaces, BFD ±253; files, processes ±254). */
export const WEIGHT_LIMIT: Readonly<Record<TrackKind, number>> = {
  script: TRACK_LINE_RULES.track_script.weight,
  interface: TRACK_LINE_RULES.track_interface.weight,
  bfd: TRACK_LINE_RULES.track_bfd.weight,
  process: TRACK_LINE_RULES.track_process.weight,
  file: TRACK_LINE_RULES.track_file.weight,
};

/** Weight of a tracked object when neither the track line nor the object sets one. */
const DEFAULT_WEIGHT: Readonly<Record<TrackKind, number>> = { script: 0, process: 0, file: 1, bfd: 0, interface: 0 };

export interface TrackWeight {
  /** As written, not yet limited to the range keepalived runs with. */
  readonly weight: number;
  readonly reverse: boolean;
  readonly from: "line" | "object" | "default";
}

/** The tracked object's own `weight N [reverse]` (the last one wins, as in keepalived), read by the schema's reader. */
function objectWeight(model: ConfigModel, kind: TrackKind, name: string): { weight: number; reverse: boolean } | undefined {
  const defKind = TRACK_KINDS[kind].definedBy;
  if (!defKind) return undefined;
  const def = model.definitions.find((d) => d.kind === defKind && d.name === name);
  if (!def) return undefined;
  const scope = scopeOf(def.node.keyword.text);
  let found: { weight: number; reverse: boolean } | undefined;
  for (const c of def.node.children) {
    if (c.kind !== "statement" || c.keyword.text !== "weight") continue;
    const weight = valueSetting<number>(scope, c);
    if (weight) found = { weight: weight.value, reverse: c.args[1]?.text === "reverse" };
  }
  return found;
}

/** The weight keepalived takes for one track line: the line's own, else the tracked object's, else the default. */
export function trackWeight(model: ConfigModel, track: TrackEntry): TrackWeight {
  if (track.weight !== undefined) return { weight: track.weight, reverse: track.reverse, from: "line" };
  const object = objectWeight(model, track.kind, track.name);
  if (object) return { weight: object.weight, reverse: object.reverse || track.reverse, from: "object" };
  return { weight: DEFAULT_WEIGHT[track.kind], reverse: track.reverse, from: "default" };
}

/**
 * Whether tracking weights move this instance's priority: not inside a sync group unless the
 * group sets `sync_group_tracking_weight`; there every failing track faults the whole group.
 */
export function weightsApply(instance: VrrpInstance): boolean {
  const group = instance.syncGroup;
  return !group || hasStatement(group.block, "sync_group_tracking_weight");
}

export interface EffectiveTrack {
  readonly kind: TrackKind;
  readonly name: string;
  /** 0 means the instance goes to FAULT when the object fails (no weight arithmetic). */
  readonly weight: number;
  readonly reverse: boolean;
  readonly line: TrackEntry["line"];
  /** Where the weight came from: the track line, the tracked object's own `weight`, or keepalived's default. */
  readonly weightFrom: TrackWeight["from"];
}

const tracksOf = new WeakMap<ConfigModel, WeakMap<VrrpInstance, readonly EffectiveTrack[]>>();

/**
 * The instance's tracks with the weights keepalived runs them with. Members of a sync group take
 * the group's tracks too; where weights do not apply (weightsApply) every weight is 0. Read once
 * per instance: the cluster rules and the failover simulation ask for them again on every check.
 */
export function effectiveTracks(model: ConfigModel, instance: VrrpInstance): readonly EffectiveTrack[] {
  let byInstance = tracksOf.get(model);
  if (!byInstance) tracksOf.set(model, (byInstance = new WeakMap()));
  let tracks = byInstance.get(instance);
  if (!tracks) byInstance.set(instance, (tracks = readTracks(model, instance)));
  return tracks;
}

function readTracks(model: ConfigModel, instance: VrrpInstance): EffectiveTrack[] {
  const apply = weightsApply(instance);
  const entries = [...instance.tracks, ...(instance.syncGroup?.tracks ?? [])];
  return entries.map((t) => {
    const { weight, reverse, from } = trackWeight(model, t);
    const limit = WEIGHT_LIMIT[t.kind];
    return {
      kind: t.kind,
      name: t.name,
      weight: apply ? Math.max(-limit, Math.min(limit, weight)) : 0,
      reverse,
      line: t.line,
      weightFrom: from,
    };
  });
}

const clamp = (p: number): number => Math.max(1, Math.min(MAX_PRIORITY, p));

/** What a track's effect depends on (an effective track, or the simulation's copy of one). */
export interface WeightedTrack {
  readonly kind: TrackKind;
  /** 0: the instance goes to FAULT in the object's bad state. */
  readonly weight: number;
  readonly reverse: boolean;
}

/**
 * What one tracked object adds to the priority in one state, or "fault" (keepalived vrrp_track.c,
 * track_file.c): a positive weight is added while the object is up, a negative one while it is
 * down, and `reverse` multiplies the weight by -1 (a reversed positive weight lowers the priority
 * while the object is up). Weight 0 faults the instance in the object's bad state (up, when
 * reversed). A file's value is multiplied by the weight: failing is a value that lowers the
 * priority (1 or -1), healthy 0; at -254 or below the instance faults.
 */
export function trackEffect(track: WeightedTrack, failing: boolean): number | "fault" {
  const m = track.reverse ? -1 : 1;
  if (track.kind === "file") {
    const value = failing ? (track.weight * m > 0 ? -1 : 1) : 0;
    if (track.weight === 0) return (value !== 0) !== track.reverse ? "fault" : 0;
    const v = Math.max(-254, Math.min(253, value * track.weight * m));
    return v === -254 ? "fault" : v;
  }
  const ok = !failing;
  if (track.weight === 0) return ok === track.reverse ? "fault" : 0;
  if (track.weight > 0) return ok ? track.weight * m : 0;
  return ok ? 0 : track.weight * m;
}

/**
 * The least and the most one track adds over its object's two states. A weight-0 track's fault
 * always fails over and moves no priority (0); a weighted one that faults counts as falling to the
 * bottom.
 */
export function trackSwing(track: WeightedTrack): { readonly low: number; readonly high: number } {
  const [a, b] = [trackEffect(track, false), trackEffect(track, true)].map((e) =>
    e !== "fault" ? e : track.weight === 0 ? 0 : -OWNER_PRIORITY,
  ) as [number, number];
  return { low: Math.min(a, b), high: Math.max(a, b) };
}

export interface PriorityRange {
  /** The configured (or defaulted) priority. */
  readonly base: number;
  /** Lowest priority the tracks can bring it to: every track in the state that lowers it most. */
  readonly lowest: number;
  /** Highest: every track in the state that raises it most. */
  readonly highest: number;
  /** Priority 255 owns the addresses; keepalived ignores weighted tracks on it. */
  readonly owner: boolean;
  readonly tracks: readonly EffectiveTrack[];
}

/** The priorities tracking can reach (trackSwing of every track), clamped to 1..254 as keepalived does. */
export function priorityRange(model: ConfigModel, instance: VrrpInstance): PriorityRange {
  const base = instance.priority.value;
  const tracks = effectiveTracks(model, instance);
  if (base >= OWNER_PRIORITY) return { base, lowest: base, highest: base, owner: true, tracks };
  let down = 0;
  let up = 0;
  for (const t of tracks) {
    const { low, high } = trackSwing(t);
    down += low;
    up += high;
  }
  return { base, lowest: clamp(base + down), highest: clamp(base + up), owner: false, tracks };
}

/** The priority an instance runs with while everything it tracks is healthy (each track's effect when not failing). */
export function healthyPriority(model: ConfigModel, instance: VrrpInstance): number {
  const base = instance.priority.value;
  if (base >= OWNER_PRIORITY) return base;
  let sum = base;
  for (const t of effectiveTracks(model, instance)) {
    const e = trackEffect(t, false);
    if (e !== "fault") sum += e;
  }
  return clamp(sum);
}
