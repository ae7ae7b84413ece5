/** `unicast_peer` lines: `ADDRESS [min_ttl N] [max_ttl N]`. */
import { formatVersion, datedCheck } from "../../schema/lookup.js";
import { cover } from "../report.js";
import { addressPart, readAddress, readInteger } from "../../schema/values.js";
import type { LineChecker } from "./context.js";

const TTL_OPTIONS: ReadonlySet<string> = new Set(["min_ttl", "max_ttl"]);

export const checkUnicastPeer: LineChecker = (words, { reporter, target }) => {
  const first = words[0]!;
  // A peer is a bare address: keepalived cuts any /prefix off before reading it, so no prefix check here.
  const addr = readAddress(addressPart(first.text));
  if (!addr.ok) {
    reporter.report(first, "invalid-value", `'${first.text}' is not a valid unicast peer address`);
    return;
  }
  const older = words.length > 1 ? datedCheck("peerOptions", target) : undefined;
  if (older) {
    reporter.report(
      cover(words[1]!, words[words.length - 1]!),
      "extra-argument",
      `keepalived ${formatVersion(target)} ${older.does} (${older.why})`,
    );
    return;
  }
  let min: number | undefined;
  let max: number | undefined;
  for (let i = 1; i < words.length; i += 2) {
    const option = words[i]!;
    const value = words[i + 1];
    if (!value) {
      reporter.report(
        option,
        TTL_OPTIONS.has(option.text) ? "missing-argument" : "invalid-value",
        TTL_OPTIONS.has(option.text) ? `'${option.text}' needs a value` : `unknown unicast_peer option '${option.text}'`,
      );
      return;
    }
    const ttl = readInteger(value.text, { min: 0, max: 255 });
    if (!ttl.ok) {
      reporter.problem(value, ttl.problem, `${option.text}`);
      continue;
    }
    if (!TTL_OPTIONS.has(option.text)) {
      reporter.report(option, "invalid-value", `unknown unicast_peer option '${option.text}'; use min_ttl or max_ttl`);
      return;
    }
    if (option.text === "min_ttl") min = ttl.value;
    else max = ttl.value;
  }
  if (min !== undefined && max !== undefined && min > max) {
    reporter.report(first, "invalid-value", `min_ttl ${min} is above max_ttl ${max}: every packet from this peer would be dropped`);
  }
};
