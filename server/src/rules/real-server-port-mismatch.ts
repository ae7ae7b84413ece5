import type { Fix } from "../../../grammar/index.js";
import type { VirtualServer, VirtualServerGroup } from "../model/types.js";
import { replaceWord } from "./edits.js";
import type { FileRule, Report } from "./types.js";

/** Forwarding methods that keep the packet's destination port: the real server must listen on the virtual port. */
const PORT_PRESERVING = new Set(["DR", "TUN"]);

export const realServerPortMismatch: FileRule = {
  code: "real-server-port-mismatch",
  check({ model }, report) {
    for (const vs of model.virtualServers) {
      const method = vs.method?.value.toUpperCase();
      if (!method || !PORT_PRESERVING.has(method)) continue;
      if (vs.kind === "address" && vs.port !== undefined) checkAddress(vs, vs.port, method, report);
      else if (vs.kind === "group") {
        const group = model.virtualServerGroups.find((g) => g.name === vs.group);
        if (group) checkGroup(vs, group, method, report);
      }
    }
  },
};

function checkAddress(vs: VirtualServer, port: number, method: string, report: Report): void {
  for (const rs of vs.realServers) {
    const portWord = rs.block.args[1];
    if (rs.port === undefined || rs.port === port || !portWord) continue;
    // keepalived resets the real server's port to the virtual server's, so the edit changes nothing.
    const fix = replaceWord(portWord, String(port), `use port ${port}, as ${method} forwarding does`, true);
    report({
      at: portWord,
      message: `real_server ${rs.address} port ${rs.port} differs from virtual_server port ${port}; ${method} forwarding keeps the destination port, so keepalived resets the real server to port ${port}`,
      ...(fix ? { fix } : {}),
    });
  }
}

/**
 * A virtual server of a group serves the ports of the group's entries. One real server cannot
 * be reset to several ports, so keepalived leaves it alone and only says so: packets for an
 * entry on another port reach the real server on that port, where nothing listens.
 */
function checkGroup(vs: VirtualServer, group: VirtualServerGroup, method: string, report: Report): void {
  const ports = group.entries.flatMap((e) => (e.kind === "address" && e.port !== undefined ? [{ port: e.port, entry: e }] : []));
  const distinct = [...new Set(ports.map((p) => p.port))];
  for (const rs of vs.realServers) {
    const portWord = rs.block.args[1];
    const other = ports.filter((p) => p.port !== rs.port);
    if (rs.port === undefined || other.length === 0 || !portWord) continue;
    const entries = other.map((p) => `${p.entry.line.words.map((w) => w.text).join(" ")}`).join(", ");
    // Only when every entry has one port is there one right value; keepalived does not reset it, so changing it changes what runs.
    const fix: Fix | undefined =
      distinct.length === 1
        ? replaceWord(portWord, String(distinct[0]), `use port ${distinct[0]}, the port of virtual_server_group ${group.name}`, false)
        : undefined;
    report({
      at: portWord,
      message: `real_server ${rs.address} port ${rs.port} differs from the port of virtual_server_group ${group.name} entry ${entries}; ${method} forwarding keeps the destination port, and keepalived does not reset a real server of a group, so that traffic reaches a port the server may not listen on`,
      related: other.map(({ entry: { line }, port }) => ({
        file: line.file,
        start: line.start,
        end: line.end,
        message: `virtual_server_group ${group.name} entry on port ${port}`,
      })),
      ...(fix ? { fix } : {}),
    });
  }
}
