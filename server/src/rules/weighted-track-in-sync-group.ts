import type { Block } from "../../../grammar/index.js";
import type { ConfigModel, DefinitionKind, TrackEntry, TrackKind } from "../model/types.js";
import type { FileRule } from "./types.js";

/** Where a track line without its own weight takes one from, and that object's default weight. */
const DEFINED_WEIGHT: Partial<Record<TrackKind, { kind: DefinitionKind; fallback: number }>> = {
  script: { kind: "vrrp_script", fallback: 0 },
  file: { kind: "vrrp_track_file", fallback: 1 },
  process: { kind: "vrrp_track_process", fallback: 0 },
  bfd: { kind: "bfd_instance", fallback: 0 },
};

export const weightedTrackInSyncGroup: FileRule = {
  scope: "file",
  code: "weighted-track-in-sync-group",
  severity: "warning",
  category: "vrrp",
  summary: "a weighted track on an instance inside a sync group, where keepalived ignores the weight",
  fixable: false,
  check({ model }, report) {
    for (const inst of model.instances) {
      const group = inst.syncGroup;
      if (!group || hasStatement(group.block, "sync_group_tracking_weight")) continue;
      for (const track of inst.tracks) {
        const weight = effectiveWeight(model, track);
        if (!weight) continue;
        const written = track.weight !== undefined ? "" : ` (from its definition)`;
        report({
          at: track.line.words[0]!,
          message: `track_${track.kind} '${track.name}' has weight ${weight}${written}, but vrrp_instance '${inst.name}' is in sync group '${group.name}': keepalived ignores tracking weights there, so a failure faults the whole group instead of lowering the priority; use weight 0 or add sync_group_tracking_weight to the group`,
          related: [{ ...(group.nameWord ?? group.block.keyword), message: `sync group '${group.name}'` }],
        });
      }
    }
  },
};

function hasStatement(block: Block, keyword: string): boolean {
  return block.children.some((c) => c.kind === "statement" && c.keyword.text === keyword);
}

/** The weight keepalived would apply: the track line's, else the tracked object's `weight`, else its default. */
function effectiveWeight(model: ConfigModel, track: TrackEntry): number {
  if (track.weight !== undefined) return track.weight;
  const source = DEFINED_WEIGHT[track.kind];
  if (!source) return 0;
  const def = model.definitions.find((d) => d.kind === source.kind && d.name === track.name);
  if (!def) return 0;
  const weight = def.node.children.find((c) => c.kind === "statement" && c.keyword.text === "weight");
  const text = weight?.kind === "statement" ? weight.args[0]?.text : undefined;
  return text !== undefined && /^-?\d+$/.test(text) ? Number(text) : source.fallback;
}
