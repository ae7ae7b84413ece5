/**
 * Multicast group keywords: on top of the argument check (an address of the right family),
 * keepalived refuses an address outside the multicast ranges and keeps its default group.
 */
import type { Word } from "../../../grammar/index.js";
import type { Reporter } from "./report.js";
import { readAddress } from "./values.js";

const GROUP_KEYWORDS: ReadonlySet<string> = new Set(["vrrp_mcast_group4", "vrrp_mcast_group6", "mcast_dst_ip"]);

export function isMulticastKeyword(name: string): boolean {
  return GROUP_KEYWORDS.has(name);
}

/** 224.0.0.0/4 for IPv4, ff00::/8 for IPv6. */
export function isMulticast(address: string, family: 4 | 6): boolean {
  if (family === 4) {
    const first = Number(address.split(".")[0]);
    return first >= 224 && first <= 239;
  }
  return /^ff[0-9a-f]{2}:/i.test(address);
}

/** Reports a group address that parses but is no multicast address; other problems are the argument check's. */
export function checkMulticast(keyword: Word, args: readonly Word[], reporter: Reporter): void {
  const word = args[0];
  if (!word) return;
  const address = readAddress(word.text);
  if (!address.ok || isMulticast(word.text, address.value.family)) return;
  const range = address.value.family === 4 ? "224.0.0.0 to 239.255.255.255" : "ff00::/8";
  reporter.report(word, "invalid-value", `${keyword.text}: ${word.text} is not a multicast address (${range}); keepalived ignores the line`);
}
