import { renderedTogether } from "../model/template.js";
import type { FileRule } from "./types.js";

export const strictModeConflict: FileRule = {
  code: "strict-mode-conflict",
  check({ model }, report) {
    for (const inst of model.instances) {
      const setBy = inst.strict.statement;
      if (!inst.strict.value || !setBy) continue;
      const source = setBy.keyword.text;
      const related = [{ ...setBy.keyword, message: `strict mode set here` }];
      const name = `vrrp_instance '${inst.name}'`;
      const peers = inst.block.children.find((c) => c.kind === "block" && c.keyword.text === "unicast_peer");
      // In a template, only what is rendered together with the strict setting conflicts with it.
      const together = (at: { file: typeof setBy.file; start: number; end: number }) => renderedTogether(model.file, setBy, at);
      if (inst.unicastPeers.length > 0 && peers?.kind === "block" && together(peers)) {
        report({
          at: peers.keyword,
          message: `${name} uses unicast peers under ${source}, which only allows multicast; keepalived refuses to load the configuration`,
          related,
        });
      }
      if (inst.authentication && together(inst.authentication.block)) {
        report({
          at: inst.authentication.block.keyword,
          message: `${name} has authentication under ${source}, which forbids it; keepalived ignores the authentication, and peers without strict mode then disagree`,
          related,
        });
      }
      const delay = inst.settings.get("preempt_delay");
      if (delay && together(delay))
        report({
          at: delay.keyword,
          message: `${name} sets preempt_delay under ${source}, which forbids it; keepalived resets it to 0`,
          related,
        });
      const state = inst.state;
      if (
        state.value === "MASTER" &&
        state.word &&
        inst.priority.value !== 255 &&
        together(state.word) &&
        !(inst.priority.statement === undefined && inst.settings.has("priority"))
      ) {
        report({
          at: state.word,
          message: `${name} has state MASTER with priority ${inst.priority.value} under ${source}, where only the address owner (priority 255) may start as MASTER; keepalived starts it as BACKUP`,
          related,
        });
      }
    }
  },
};
