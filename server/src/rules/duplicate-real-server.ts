import { isOpaque } from "../../../grammar/index.js";
import { sameConditions } from "../model/template.js";
import type { RealServer } from "../model/types.js";
import type { FileRule } from "./types.js";

export const duplicateRealServer: FileRule = {
  code: "duplicate-real-server",
  check({ model }, report) {
    for (const vs of model.virtualServers) {
      const seen = new Map<string, RealServer>();
      for (const rs of vs.realServers) {
        if (!rs.address || isOpaque(rs.address) || isOpaque(rs.block.args[1]?.text ?? "")) continue;
        const key = `${rs.address} ${rs.port ?? ""}`;
        const first = seen.get(key);
        if (!first || !sameConditions(model.file, first.block, rs.block)) {
          seen.set(key, rs);
          continue;
        }
        const where = rs.port !== undefined ? `${rs.address} port ${rs.port}` : rs.address;
        report({
          at: rs.block.args[0] ?? rs.block.keyword,
          message: `real_server ${where} appears twice in virtual_server ${vs.key}; keepalived removes this second one with its checkers and settings`,
          related: [{ ...(first.block.args[0] ?? first.block.keyword), message: "first real_server" }],
        });
      }
    }
  },
};
