import { replaceWord } from "./edits.js";
import type { FileRule } from "./types.js";

/** Forwarding methods that keep the packet's destination port: the real server must listen on the virtual port. */
const PORT_PRESERVING = new Set(["DR", "TUN"]);

export const realServerPortMismatch: FileRule = {
  code: "real-server-port-mismatch",
  check({ model }, report) {
    for (const vs of model.virtualServers) {
      const method = vs.method?.value.toUpperCase();
      if (vs.kind !== "address" || vs.port === undefined || !method || !PORT_PRESERVING.has(method)) continue;
      for (const rs of vs.realServers) {
        const portWord = rs.block.args[1];
        if (rs.port === undefined || rs.port === vs.port || !portWord) continue;
        // keepalived resets the real server's port to the virtual server's, so the edit changes nothing.
        const fix = replaceWord(portWord, String(vs.port), `use port ${vs.port}, as ${method} forwarding does`, true);
        report({
          at: portWord,
          message: `real_server ${rs.address} port ${rs.port} differs from virtual_server port ${vs.port}; ${method} forwarding keeps the destination port, so keepalived resets the real server to port ${vs.port}`,
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
