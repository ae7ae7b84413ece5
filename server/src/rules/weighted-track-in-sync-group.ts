import { isOpaque } from "../../../grammar/index.js";
import { trackWeight, weightsApply } from "../model/tracking.js";
import type { FileRule } from "./types.js";

export const weightedTrackInSyncGroup: FileRule = {
  code: "weighted-track-in-sync-group",
  check({ model }, report) {
    for (const inst of model.instances) {
      const group = inst.syncGroup;
      if (!group || weightsApply(inst)) continue;
      for (const track of inst.tracks) {
        const { weight, from } = trackWeight(model, track);
        if (!weight || isOpaque(track.name)) continue;
        const written = from === "line" ? "" : ` (from its definition)`;
        report({
          at: track.line.words[0]!,
          message: `track_${track.kind} '${track.name}' has weight ${weight}${written}, but vrrp_instance '${inst.name}' is in sync group '${group.name}': keepalived ignores tracking weights there, so a failure faults the whole group instead of lowering the priority; use weight 0 or add sync_group_tracking_weight to the group`,
          related: [{ ...(group.nameWord ?? group.block.keyword), message: `sync group '${group.name}'` }],
        });
      }
    }
  },
};
