import { hasOpaqueWord, isOpenBlock, variesWithin } from "../model/template.js";
import { replaceWord } from "./edits.js";
import type { FileRule } from "./types.js";

export const quorumUnreachable: FileRule = {
  code: "quorum-unreachable",
  check({ model }, report) {
    for (const vs of model.virtualServers) {
      const quorum = vs.quorum;
      if (!quorum?.word || vs.realServers.length === 0) continue;
      // In a template the total is known only when every real server and weight is literal and
      // rendered exactly once with the quorum.
      if (
        isOpenBlock(model.file, vs.block) ||
        vs.realServers.some((rs) => hasOpaqueWord(rs.block) || variesWithin(model.file, rs.block, vs.block))
      )
        continue;
      const total = vs.realServers.reduce((sum, rs) => sum + rs.weight, 0);
      if (quorum.value <= total) continue;
      // keepalived lowers the quorum to the total itself, so writing that value changes nothing.
      const fix =
        total >= 1 ? replaceWord(quorum.word, String(total), `lower quorum to ${total}, the value keepalived uses`, true) : undefined;
      report({
        at: quorum.word,
        message: `quorum ${quorum.value} of virtual_server ${vs.key} exceeds the total real server weight ${total}; keepalived lowers it to ${total}, so the quorum is lost as soon as any weighted server fails`,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
