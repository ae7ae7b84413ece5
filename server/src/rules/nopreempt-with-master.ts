import { renderedTogether } from "../model/template.js";
import { replaceWord } from "./edits.js";
import type { FileRule } from "./types.js";

/** Settings keepalived clears when the instance starts as MASTER, because they only act on a BACKUP. */
const BACKUP_ONLY = ["nopreempt", "preempt_delay"] as const;

export const nopreemptWithMaster: FileRule = {
  code: "nopreempt-with-master",
  check({ model }, report) {
    for (const inst of model.instances) {
      const stateWord = inst.state.word;
      if (inst.state.value !== "MASTER" || !stateWord) continue;
      for (const keyword of BACKUP_ONLY) {
        const statement = inst.settings.get(keyword);
        // In a template, only when both are rendered together (not one per branch of an `if`).
        if (!statement || !renderedTogether(model.file, statement, stateWord)) continue;
        // Changing the start state changes behaviour (preemption starts to be suppressed): never automatic.
        const fix = replaceWord(stateWord, "BACKUP", "start as BACKUP, so that nopreempt applies", false);
        report({
          at: statement.keyword,
          message: `${keyword} has no effect in vrrp_instance '${inst.name}' with state MASTER: keepalived clears it and the instance preempts; use state BACKUP on every node`,
          related: [{ ...stateWord, message: "state MASTER" }],
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
