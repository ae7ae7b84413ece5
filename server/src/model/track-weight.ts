/** The weight keepalived applies for one track line: the line's own, else the tracked object's, else the default. */
import { TRACK_KINDS } from "./tracks.js";
import type { ConfigModel, TrackEntry, TrackKind } from "./types.js";

/** Weight of a tracked object when neither the track line nor the object sets one. */
const DEFAULT_WEIGHT: Readonly<Record<TrackKind, number>> = { script: 0, process: 0, file: 1, bfd: 0, interface: 0 };

export interface TrackWeight {
  /** As written, not yet limited to the range keepalived runs with. */
  readonly weight: number;
  readonly reverse: boolean;
  readonly from: "line" | "object" | "default";
}

/** The tracked object's own `weight N [reverse]` (the last one wins, as in keepalived). */
function objectWeight(model: ConfigModel, kind: TrackKind, name: string): { weight: number; reverse: boolean } | undefined {
  const defKind = TRACK_KINDS[kind].definedBy;
  if (!defKind) return undefined;
  const def = model.definitions.find((d) => d.kind === defKind && d.name === name);
  if (!def) return undefined;
  let found: { weight: number; reverse: boolean } | undefined;
  for (const c of def.node.children) {
    if (c.kind !== "statement" || c.keyword.text !== "weight") continue;
    const w = c.args[0]?.text;
    if (w !== undefined && /^[-+]?\d+$/.test(w)) found = { weight: Number(w), reverse: c.args[1]?.text === "reverse" };
  }
  return found;
}

export function trackWeight(model: ConfigModel, track: TrackEntry): TrackWeight {
  if (track.weight !== undefined) return { weight: track.weight, reverse: track.reverse, from: "line" };
  const object = objectWeight(model, track.kind, track.name);
  if (object) return { weight: object.weight, reverse: object.reverse || track.reverse, from: "object" };
  return { weight: DEFAULT_WEIGHT[track.kind], reverse: track.reverse, from: "default" };
}
