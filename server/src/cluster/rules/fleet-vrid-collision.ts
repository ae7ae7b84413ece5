import { writtenAs, type TextEdit } from "../../../../grammar/index.js";
import { findVridCollisions } from "../collisions.js";
import { placeOf, related, settingAnchor } from "../locate.js";
import { masterOf } from "../pairing.js";
import type { ClusterRule } from "../types.js";

export const fleetVridCollision: ClusterRule = {
  code: "fleet-vrid-collision",
  checkFleet(fleet, report) {
    for (const c of findVridCollisions(fleet)) {
      const master = masterOf(c.moved.set);
      const at = settingAnchor(master, master.instance.virtualRouterId);
      const keptMaster = masterOf(c.kept.set);
      const keptAt = settingAnchor(keptMaster, keptMaster.instance.virtualRouterId);
      // The fix renumbers the router on every node of its cluster, so the peers stay consistent.
      const edits: TextEdit[] = [];
      for (const p of c.moved.set.peers) {
        const w = p.instance.virtualRouterId?.word;
        if (w && writtenAs(w) && c.suggestion !== undefined && p.instance.virtualRouterId?.value === c.vrid)
          edits.push({ file: w.file, start: w.start, end: w.end, newText: String(c.suggestion) });
      }
      const keptNodes = c.kept.cluster.nodes.map((n) => n.label).join(", ");
      report({
        at,
        message: `VRID ${c.vrid} on segment ${c.segment} is also used by another cluster (${keptNodes}; ${placeOf(keptMaster.node, keptAt)}) with other addresses, so their adverts clash${c.suggestion !== undefined ? `; VRID ${c.suggestion} is free on this segment` : ""}`,
        related: [related(keptAt, "same VRID in another cluster")],
        ...(edits.length ? { fix: { description: `use ${c.suggestion}`, edits } } : {}),
      });
    }
  },
};
