/** What a value-block line checker gets: the words of one line and a place to report. */
import type { Word } from "../../../../grammar/index.js";
import type { Version } from "../../schema/types.js";
import type { Reporter } from "../report.js";

export interface LineContext {
  readonly reporter: Reporter;
  /** The keyword of the value block, for messages ("virtual_ipaddress"). */
  readonly block: string;
  /** The keepalived release the file is checked for (facts of lines that changed: schema/dated.ts). */
  readonly target: Version;
}

export type LineChecker = (words: readonly Word[], context: LineContext) => void;

/**
 * Names from iproute2's tables that keepalived knows without reading /etc/iproute2; a number
 * in the table's range is always accepted too. Other names depend on the host's files.
 */
export const ROUTE_SCOPES: ReadonlySet<string> = new Set(["global", "nowhere", "host", "link", "site"]);
export const ROUTE_TYPES: ReadonlySet<string> = new Set([
  "local",
  "nat",
  "broadcast",
  "brd",
  "anycast",
  "multicast",
  "prohibit",
  "unreachable",
  "blackhole",
  "xresolve",
  "unicast",
  "throw",
]);
export const ROUTE_PROTOCOLS: ReadonlySet<string> = new Set([
  "none",
  "redirect",
  "kernel",
  "boot",
  "static",
  "gated",
  "ra",
  "mrt",
  "zebra",
  "bird",
  "babel",
  "dnrouted",
  "xorp",
  "ntk",
  "dhcp",
  "keepalived",
]);
export const ROUTE_TABLES: ReadonlySet<string> = new Set(["default", "main", "local"]);

/** A table/scope/protocol entry: a known name or a number up to `max`. */
export function isTableEntry(text: string, names: ReadonlySet<string>, max: number): boolean {
  if (names.has(text)) return true;
  // iproute2 numbers may be written in hex or octal as well.
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(text)) return false;
  const n = Number(text);
  return n >= 0 && n <= max;
}
