import { isOpenBlock } from "../model/template.js";
import type { FileRule } from "./types.js";

export const missingRealServer: FileRule = {
  code: "missing-real-server",
  check({ model }, report) {
    for (const vs of model.virtualServers) {
      if (vs.realServers.length > 0 || isOpenBlock(model.file, vs.block)) continue;
      const sorry = vs.block.children.some((c) => c.kind === "statement" && c.keyword.text === "sorry_server");
      report({
        at: vs.block.keyword,
        message: `virtual_server ${vs.key} has no real_server; keepalived ignores the whole virtual server${sorry ? " (a sorry_server does not count)" : ""}`,
      });
    }
  },
};
