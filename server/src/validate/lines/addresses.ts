/**
 * `virtual_ipaddress`, `virtual_ipaddress_excluded` and `static_ipaddress` lines:
 * `ADDRESS[/PREFIX] [dev IF] [scope S] [brd ADDR|+|-] [label L] [peer ADDR] [flags...]`.
 * keepalived reads the address first and then option words, most followed by one value.
 */
import type { Word } from "../../../../grammar/index.js";
import { isIPv4, readAddress, readAddressPrefix, readInteger, type Family } from "../../schema/values.js";
import { isTableEntry, ROUTE_SCOPES, type LineChecker, type LineContext } from "./context.js";

/** Option words and whether they take a value. `track_group` only on static addresses, `use_vmac` only on VRRP ones. */
const OPTIONS: ReadonlyMap<string, boolean> = new Map([
  ["dev", true],
  ["scope", true],
  ["broadcast", true],
  ["brd", true],
  ["label", true],
  ["peer", true],
  ["preferred_lft", true],
  ["home", false],
  ["-nodad", false],
  ["mngtmpaddr", false],
  ["noprefixroute", false],
  ["autojoin", false],
  ["no_track", false],
]);

/** Linux interface names (and so address labels) hold at most 15 bytes. */
const IFNAME_MAX = 15;

export const checkVrrpAddress: LineChecker = (words, context) => checkAddress(words, context, false);
export const checkStaticAddress: LineChecker = (words, context) => checkAddress(words, context, true);

function checkAddress(words: readonly Word[], context: LineContext, isStatic: boolean): void {
  const { reporter } = context;
  const first = words[0]!;
  const addr = readAddressPrefix(first.text);
  if (!addr.ok) {
    reporter.problem(first, addr.problem);
    return;
  }
  const family: Family = addr.value.family;
  let brd: Word | undefined;
  let brdRelative = false;
  let peer: Word | undefined;
  let dev = false;
  let scope: Word | undefined;
  let label: Word | undefined;
  for (let i = 1; i < words.length; i++) {
    const option = words[i]!;
    const name = option.text;
    const takesValue =
      OPTIONS.get(name) ?? (isStatic ? (name === "track_group" ? true : undefined) : name === "use_vmac" ? false : undefined);
    if (takesValue === undefined) {
      const hint =
        !isStatic && name === "track_group"
          ? " (track_group applies to static addresses only)"
          : isStatic && name === "use_vmac"
            ? " (use_vmac applies to VRRP addresses only)"
            : "";
      reporter.report(option, "invalid-value", `unknown address option '${name}'${hint}`);
      continue;
    }
    if (!takesValue) continue;
    const value = words[i + 1];
    if (!value) {
      reporter.report(option, "missing-argument", `'${name}' needs a value after it`);
      return;
    }
    i++;
    switch (name) {
      case "dev":
        if (dev) reporter.report(option, "invalid-value", `the address ${first.text} names its device twice`);
        dev = true;
        if (value.text.length > IFNAME_MAX)
          reporter.report(value, "invalid-value", `interface name '${value.text}' is longer than ${IFNAME_MAX} characters`);
        break;
      case "scope":
        scope = option;
        if (!isTableEntry(value.text, ROUTE_SCOPES, 255))
          reporter.report(value, "invalid-value", `'${value.text}' is not an address scope (global, site, link, host, nowhere or 0..255)`);
        break;
      case "broadcast":
      case "brd":
        if (family === 6) {
          reporter.report(option, "invalid-value", `an IPv6 address has no broadcast address`);
          return;
        }
        brd = option;
        if (value.text === "+" || value.text === "-") brdRelative = true;
        else if (!isIPv4(value.text))
          reporter.report(value, "invalid-value", `'${value.text}' is not a broadcast address (an IPv4 address, + or -)`);
        break;
      case "label":
        // A label over IFNAMSIZ is the vip-label-too-long rule's finding, reported once there.
        label = option;
        break;
      case "peer": {
        if (peer) {
          reporter.report(option, "invalid-value", `only one peer address may be given`);
          break;
        }
        peer = option;
        const p = readAddress(value.text);
        if (!p.ok) reporter.report(value, "invalid-value", `'${value.text}' is not a valid peer address`);
        else if (p.value.family !== family)
          reporter.report(value, "invalid-value", `peer ${value.text} is not of the same address family as ${first.text}`);
        else if (addr.value.prefix !== undefined && addr.value.prefix !== (family === 4 ? 32 : 128)) {
          reporter.report(first, "invalid-value", `an address with a peer takes no prefix length; give it on the peer instead`);
        }
        break;
      }
      case "preferred_lft":
        if (value.text !== "forever") {
          const n = readInteger(value.text, { min: 0, max: 4294967295 });
          if (!n.ok) reporter.report(value, n.problem.code, `preferred_lft must be 'forever' or a number of seconds, not '${value.text}'`);
        }
        break;
      default:
        break;
    }
  }
  if (brd && peer) reporter.report(brd, "invalid-value", `a broadcast address cannot be combined with a peer address`);
  else if (brd && brdRelative && (addr.value.prefix ?? 32) > 30) {
    reporter.report(brd, "invalid-value", `a computed broadcast (+ or -) needs a prefix of 30 bits or less`);
  }
  if (family === 6 && scope) reporter.report(scope, "invalid-value", `IPv6 addresses take no scope`);
  if (family === 6 && label) reporter.report(label, "invalid-value", `IPv6 addresses take no label`);
}
