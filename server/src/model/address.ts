/** Address parsing for the model: enough to compare and group addresses, not to validate them. */
import { isIPv6 } from "node:net";
// The same dotted-quad grammar as node:net's isIPv4 (no leading zeros), read by char codes.
import { isIPv4 } from "../validate/values.js";

export interface ParsedAddress {
  readonly address: string;
  readonly prefix?: number;
  readonly family: 4 | 6 | undefined;
}

/** Canonical text of an IPv6 address, so `2001:DB8::1` and `2001:db8:0::1` compare equal. */
function canonicalIPv6(a: string): string {
  const [head = "", tail] = a.toLowerCase().split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  // An embedded IPv4 tail takes two groups.
  const expand = (g: string[]) => g.flatMap((x) => (x.includes(".") ? ipv4Groups(x) : [x]));
  const hh = expand(h);
  const tt = expand(t);
  const fill = tail === undefined ? [] : new Array(8 - hh.length - tt.length).fill("0");
  return [...hh, ...fill, ...tt].map((x) => x.replace(/^0+(?=.)/, "")).join(":");
}

function ipv4Groups(v4: string): string[] {
  const o = v4.split(".").map(Number);
  return [((o[0]! << 8) | o[1]!).toString(16), ((o[2]! << 8) | o[3]!).toString(16)];
}

export function parseAddress(text: string): ParsedAddress {
  const slash = text.indexOf("/");
  const addr = slash === -1 ? text : text.slice(0, slash);
  const prefixText = slash === -1 ? undefined : text.slice(slash + 1);
  const prefix = prefixText !== undefined && /^\d+$/.test(prefixText) ? Number(prefixText) : undefined;
  if (isIPv4(addr)) return { address: addr, family: 4, ...(prefix !== undefined ? { prefix } : {}) };
  if (isIPv6(addr)) return { address: canonicalIPv6(addr), family: 6, ...(prefix !== undefined ? { prefix } : {}) };
  return { address: addr, family: undefined };
}
