/**
 * `virtual_routes` and `static_routes` lines, in iproute2's order-free style:
 * `[to] [TYPE] DEST [via ADDR] [dev IF] [src ADDR] [table T] [metric N] ...`.
 * We check what keepalived checks while reading a route: the option words, the addresses,
 * a destination, and that a tracked route names its interface.
 */
import type { Word } from "../../../../grammar/index.js";
import { readAddress, readAddressPrefix, readInteger } from "../../schema/values.js";
import { isTableEntry, ROUTE_SCOPES, ROUTE_TYPES, type LineChecker, type LineContext } from "./context.js";

type ValueCheck = "address" | "u32" | "u8" | "number" | "name" | "any";

/** Options taking one value; `lock` may precede the value of the metrics marked true. */
const VALUED: ReadonlyMap<string, { readonly check: ValueCheck; readonly lock?: boolean }> = new Map([
  ["src", { check: "address" }],
  ["from", { check: "any" }],
  ["tos", { check: "number" }],
  ["dsfield", { check: "number" }],
  ["table", { check: "name" }],
  ["protocol", { check: "name" }],
  ["scope", { check: "name" }],
  ["metric", { check: "u32" }],
  ["priority", { check: "u32" }],
  ["preference", { check: "u32" }],
  ["dev", { check: "name" }],
  ["oif", { check: "name" }],
  ["expires", { check: "u32" }],
  ["mtu", { check: "u32", lock: true }],
  ["hoplimit", { check: "u8" }],
  ["advmss", { check: "u32", lock: true }],
  ["rtt", { check: "number", lock: true }],
  ["rttvar", { check: "number", lock: true }],
  ["reordering", { check: "u32", lock: true }],
  ["window", { check: "u32" }],
  ["cwnd", { check: "u32", lock: true }],
  ["ssthresh", { check: "u32", lock: true }],
  ["realms", { check: "name" }],
  ["rto_min", { check: "number", lock: true }],
  ["initcwnd", { check: "u32" }],
  ["initrwnd", { check: "u32" }],
  ["features", { check: "name" }],
  ["quickack", { check: "number" }],
  ["congctl", { check: "name", lock: true }],
  ["pref", { check: "name" }],
  ["ttl-propagate", { check: "name" }],
  ["fastopen_no_cookie", { check: "number" }],
  ["track_group", { check: "name" }],
  ["vrf", { check: "name" }],
  ["or", { check: "address" }],
]);

const FLAGS: ReadonlySet<string> = new Set(["inet", "inet6", "onlink", "add", "prepend", "append", "no_track"]);
const DESTINATION_WORDS: ReadonlySet<string> = new Set(["default", "any", "all", "default6"]);

export const checkRoute: LineChecker = (words, context) => {
  const { reporter } = context;
  let dest: Word | undefined;
  let dev = false;
  let tracked = true;
  let protocol: Word | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const name = word.text;
    if (FLAGS.has(name)) {
      if (name === "no_track") tracked = false;
      continue;
    }
    // nexthop and encap carry their own sub-grammars; we stop reading the line there.
    if (name === "nexthop" || name === "encap") break;
    if (name === "via" || name === "gw") {
      if (name === "gw")
        reporter.report(word, "deprecated-keyword", `'gw' is an old spelling of 'via'`, {
          fix: { description: "use via", edits: [{ ...span(word), newText: "via" }], safe: true },
        });
      let value = words[i + 1];
      if (value && (value.text === "inet" || value.text === "inet6")) value = words[++i + 1];
      if (!missing(word, value, context)) return;
      i++;
      if (!readAddress(value!.text).ok) reporter.report(value!, "invalid-value", `'${value!.text}' is not a valid gateway address`);
      continue;
    }
    if (name === "as") {
      const value = words[i + 1];
      if (!missing(word, value, context)) return;
      i += value!.text === "to" ? 2 : 1;
      continue;
    }
    const option = VALUED.get(name);
    if (option) {
      let value = words[i + 1];
      if (option.lock && value?.text === "lock") value = words[++i + 1];
      if (!missing(word, value, context)) return;
      i++;
      checkOption(name, option.check, value!, context);
      if (name === "dev" || name === "oif") dev = true;
      if (name === "protocol") protocol = value;
      if (name === "or") reporter.report(word, "deprecated-keyword", `'or' routes are deprecated; use nexthop entries`);
      continue;
    }
    // Anything else is the destination, optionally after `to` and a route type.
    let at = i;
    if (words[at]!.text === "to") at++;
    if (words[at] && ROUTE_TYPES.has(words[at]!.text)) at++;
    const target = words[at];
    if (!target) {
      reporter.report(words[at - 1] ?? word, "missing-argument", `the route has no destination`);
      return;
    }
    if (!DESTINATION_WORDS.has(target.text) && !readAddressPrefix(target.text).ok) {
      reporter.report(target, "invalid-value", `'${target.text}' is neither a route option nor a destination address`);
      return;
    }
    dest = target;
    i = at;
  }
  if (!dest) {
    reporter.report(words[0]!, "missing-argument", `the route has no destination`);
    return;
  }
  if (tracked && protocol && protocol.text !== "keepalived" && protocol.text !== "18") {
    reporter.report(protocol, "invalid-value", `a tracked route must keep protocol keepalived; add no_track to set another`);
  }
  // keepalived loads such a route but says it will not track it: a warning, not an error.
  if (tracked && !dev)
    reporter.report(
      dest,
      "route-not-tracked",
      `keepalived cannot track a route with no 'dev IF' and will not; add dev, or no_track to say so`,
    );
};

function span(word: Word) {
  return { file: word.file, start: word.start, end: word.end };
}

function missing(option: Word, value: Word | undefined, { reporter }: LineContext): boolean {
  if (value) return true;
  reporter.report(option, "missing-argument", `'${option.text}' needs a value after it`);
  return false;
}

function checkOption(name: string, check: ValueCheck, value: Word, { reporter }: LineContext): void {
  switch (check) {
    case "address":
      if (!readAddress(value.text).ok) reporter.report(value, "invalid-value", `'${value.text}' is not a valid address for ${name}`);
      return;
    case "u32":
    case "u8": {
      const n = readInteger(value.text, { min: 0, max: check === "u8" ? 255 : 4294967295 });
      if (!n.ok) reporter.problem(value, n.problem, name);
      return;
    }
    case "number":
      if (!/^(0x[0-9a-fA-F]+|\d+(\.\d+)?(s|ms|sec|secs|msec|msecs)?)$/.test(value.text))
        reporter.report(value, "invalid-value", `'${value.text}' is not a number for ${name}`);
      return;
    case "name":
      if (name === "scope" && !isTableEntry(value.text, ROUTE_SCOPES, 255))
        reporter.report(value, "invalid-value", `'${value.text}' is not a route scope`);
      if (name === "pref" && !["low", "medium", "high"].includes(value.text))
        reporter.report(value, "invalid-value", `'${value.text}' is not a route preference (low, medium or high)`);
      if (name === "ttl-propagate" && value.text !== "enabled" && value.text !== "disabled")
        reporter.report(value, "invalid-value", `ttl-propagate takes enabled or disabled`);
      if (name === "features" && value.text !== "ecn") reporter.report(value, "invalid-value", `the only route feature is ecn`);
      return;
    case "any":
      if (name === "from" && !readAddressPrefix(value.text).ok)
        reporter.report(value, "invalid-value", `'${value.text}' is not a valid source prefix`);
      return;
  }
}
