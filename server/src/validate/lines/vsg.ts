/**
 * `virtual_server_group NAME { ... }` entries: `fwmark N [inet|inet6]`, or an address with an
 * optional range (`10.0.0.1-10`, `10.0.0.1-10.0.0.9`), or a network (`10.0.0.0/29`), then an
 * optional port. keepalived drops entries it cannot read and says so.
 */
import type { Word } from "../../../../grammar/index.js";
import { addressPart, isIPv4, isIPv6, readInteger, readPort } from "../../schema/values.js";
import { formatVersion, datedCheck } from "../../schema/lookup.js";
import type { LineChecker } from "./context.js";
import type { Reporter } from "../report.js";

export const checkVsgEntry: LineChecker = (words, { reporter, target }) => {
  const first = words[0]!;
  if (first.text === "fwmark") {
    const mark = words[1];
    if (!mark) {
      reporter.report(first, "missing-argument", `'fwmark' needs a mark number`);
      return;
    }
    const n = readInteger(mark.text, { min: 0, max: 4294967295 });
    if (!n.ok) return reporter.problem(mark, n.problem, "fwmark");
    const family = words[2];
    if (family && family.text !== "inet" && family.text !== "inet6")
      reporter.report(family, "invalid-value", `'${family.text}' is not an address family; use inet or inet6`);
    if (words.length > 3) reporter.report(words[3]!, "extra-argument", `words after the fwmark entry are ignored`);
    return;
  }
  const port = words[1];
  // A port of all zeros means "no port" (kept for old configurations).
  if (port && !/^0*$/.test(port.text)) {
    const p = readPort(port.text, 1);
    if (!p.ok) reporter.problem(port, p.problem);
  }
  // (An entry with a '-' is read as a range, cut at the '-', in every release.)
  const network = first.text.includes("/") && !first.text.includes("-") ? datedCheck("groupNetwork", target) : undefined;
  if (network) {
    // The release drops the prefix: the entry is the one address before it.
    const address = first.text.slice(0, first.text.indexOf("/"));
    if (!(address.includes(":") ? isIPv6(address) : isIPv4(address)))
      reporter.report(first, "invalid-value", `'${first.text}' is not a valid address for a virtual server group`);
    else
      reporter.report(
        first,
        "invalid-value",
        `${first.text}: keepalived ${formatVersion(target)} ${network.does}, ${address} (${network.why})`,
        { mild: true },
      );
  } else checkRange(first, reporter);
  if (words.length > 2) reporter.report(words[2]!, "extra-argument", `words after the address and port are ignored`);
};

function checkRange(word: Word, reporter: Reporter): void {
  const text = word.text;
  const v6 = text.includes(":");
  const base = addressPart(text);
  if (!(v6 ? isIPv6(base) : isIPv4(base))) {
    reporter.report(word, "invalid-value", `'${text}' is not a valid address for a virtual server group`);
    return;
  }
  const start = groups(base, v6);
  const slash = text.indexOf("/");
  if (slash !== -1) {
    const maskText = text.slice(slash + 1);
    const bits = v6 ? 128 : 32;
    if (!/^\d+$/.test(maskText) || Number(maskText) === 0 || Number(maskText) > bits) {
      reporter.report(word, "invalid-value", `'${maskText}' is not a usable prefix length (1..${bits})`);
      return;
    }
    if (!hostBitsClear(start, Number(maskText), v6 ? 16 : 8))
      reporter.report(word, "invalid-value", `${text} has host bits set; write the network address`);
    return;
  }
  const dash = text.indexOf("-");
  if (dash === -1) return;
  const endText = text.slice(dash + 1);
  if (endText.includes(v6 ? ":" : ".")) {
    if (!(v6 ? isIPv6(endText) : isIPv4(endText))) {
      reporter.report(word, "invalid-value", `'${endText}' is not a valid range end`);
      return;
    }
    if (compare(groups(endText, v6), start) < 0) reporter.report(word, "invalid-value", `the range ${text} ends before it starts`);
    return;
  }
  // A short end replaces the last byte (IPv4, decimal) or the last group (IPv6, hex).
  const end = v6
    ? /^[0-9a-fA-F]*$/.test(endText)
      ? parseInt(endText || "0", 16)
      : NaN
    : /^\d*$/.test(endText)
      ? Number(endText || "0")
      : NaN;
  if (Number.isNaN(end)) {
    reporter.report(word, "invalid-value", `the range end '${endText}' is not a number`);
    return;
  }
  if (end > (v6 ? 0xffff : 255)) {
    reporter.report(word, "out-of-range", `the range end '${endText}' is too large for the last ${v6 ? "group" : "byte"}`);
    return;
  }
  if (start[start.length - 1]! >= end) reporter.report(word, "invalid-value", `the range ${text} does not end above its start`);
}

/** The address as 4 bytes or 8 16-bit groups. */
function groups(address: string, v6: boolean): number[] {
  if (!v6) return address.split(".").map(Number);
  let text = address;
  const lastColon = text.lastIndexOf(":");
  if (text.indexOf(".", lastColon) !== -1) {
    const [a, b, c, d] = text
      .slice(lastColon + 1)
      .split(".")
      .map(Number) as [number, number, number, number];
    text = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [left, right] = text.includes("::") ? (text.split("::") as [string, string]) : [text, undefined];
  const parse = (s: string) => (s === "" ? [] : s.split(":").map((g) => parseInt(g, 16)));
  const l = parse(left);
  const r = right === undefined ? [] : parse(right);
  const fill = 8 - l.length - r.length;
  return [...l, ...new Array<number>(Math.max(0, fill)).fill(0), ...r];
}

function hostBitsClear(parts: readonly number[], prefix: number, width: number): boolean {
  for (let i = 0; i < parts.length; i++) {
    const firstBit = i * width;
    const keep = Math.max(0, Math.min(width, prefix - firstBit));
    const hostMask = (1 << (width - keep)) - 1;
    if ((parts[i]! & hostMask) !== 0) return false;
  }
  return true;
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
