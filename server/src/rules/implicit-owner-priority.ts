import { isOpenBlock } from "../model/template.js";
import { insertLineAfter } from "./edits.js";
import type { FileRule } from "./types.js";

export const implicitOwnerPriority: FileRule = {
  code: "implicit-owner-priority",
  check({ model }, report) {
    for (const inst of model.instances) {
      const state = inst.state.statement;
      if (inst.state.value !== "MASTER" || !state || inst.settings.has("priority") || isOpenBlock(model.file, inst.block)) continue;
      // Writing the value keepalived already uses changes nothing on this node, but `@id` lines
      // elsewhere in the block may set priority for other nodes, so the fix is offered, not applied.
      const fix = insertLineAfter(state, "priority 255", "write the priority keepalived uses: 255", false);
      report({
        at: state.keyword,
        message: `vrrp_instance '${inst.name}' has state MASTER and no priority, so keepalived gives it 255: it owns the addresses, always preempts and ignores nopreempt`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
