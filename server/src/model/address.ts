/**
 * Addresses as the model compares and groups them: read by the schema's address readers (the
 * validator's), IPv6 in one canonical text. A word that is no address keeps its text, family unknown.
 */
import { readAddress, readAddressPrefix } from "../schema/values.js";

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

/** `ADDRESS[/PREFIX]`; a prefix the family cannot have is left out (the validator reports it). */
export function parseAddress(text: string): ParsedAddress {
  const slash = text.indexOf("/");
  const read = readAddressPrefix(text);
  const value = read.ok ? read.value : slash === -1 ? undefined : okValue(readAddress(text.slice(0, slash)));
  if (!value) return { address: slash === -1 ? text : text.slice(0, slash), family: undefined };
  const address = value.family === 6 ? canonicalIPv6(value.address) : value.address;
  return { address, family: value.family, ...(value.prefix !== undefined ? { prefix: value.prefix } : {}) };
}

const okValue = <T>(r: { ok: true; value: T } | { ok: false }): T | undefined => (r.ok ? r.value : undefined);
