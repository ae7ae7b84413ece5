import { isOpenBlock } from "../model/template.js";
import type { FileRule } from "./types.js";

export const missingRealServer: FileRule = {
  scope: "file",
  code: "missing-real-server",
  severity: "error",
  category: "lvs",
  summary: "a virtual_server (or group-based one) with no real_server",
  fixable: false,
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
