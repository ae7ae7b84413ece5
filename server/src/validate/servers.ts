/**
 * The address arguments of `virtual_server`, `real_server` and `sorry_server`, which do not
 * fit one argument list: a virtual server is `IP [PORT]`, `fwmark N` or `group NAME`.
 * keepalived skips the whole block when it cannot read them, so they are errors here.
 */
import type { Word } from "../../../grammar/index.js";
import { cover, type Reporter } from "./report.js";
import { addressPart, readAddress, readInteger, readPort } from "../schema/values.js";

/** Checks `words` (the arguments after the keyword); `at` is the keyword, for a missing first argument. */
export function checkServerArgs(keyword: Word, words: readonly Word[], reporter: Reporter): void {
  const first = words[0];
  if (!first) {
    const what = keyword.text === "virtual_server" ? "an address and port, 'fwmark N' or 'group NAME'" : "an address and port";
    reporter.report(keyword, "missing-argument", `${keyword.text} needs ${what}`);
    return;
  }
  const second = words[1];
  if (keyword.text === "virtual_server" && (first.text === "fwmark" || first.text === "group")) {
    if (!second) {
      reporter.report(
        first,
        "missing-argument",
        `'${first.text}' needs ${first.text === "fwmark" ? "a mark number" : "a virtual_server_group name"}`,
      );
      return;
    }
    if (first.text === "fwmark") {
      const mark = readInteger(second.text, { min: 0, max: 4294967295 });
      if (!mark.ok) reporter.problem(second, mark.problem, "fwmark");
    }
    extra(keyword, words, 2, reporter);
    return;
  }
  // keepalived cuts a trailing /prefix or -range off the address before reading it.
  const address = readAddress(addressPart(first.text));
  if (!address.ok) reporter.report(first, "invalid-value", `'${first.text}' is not a valid ${keyword.text} address`);
  // A port of all zeros means "no port", which older configurations wrote explicitly.
  if (second && !/^0*$/.test(second.text)) {
    const port = readPort(second.text, 1);
    if (!port.ok) reporter.problem(second, port.problem, `${keyword.text} port`);
  }
  extra(keyword, words, 2, reporter);
}

function extra(keyword: Word, words: readonly Word[], used: number, reporter: Reporter): void {
  if (words.length > used)
    reporter.report(cover(words[used]!, words[words.length - 1]!), "extra-argument", `${keyword.text} ignores the words after its address`);
}

export const SERVER_KEYWORDS: ReadonlySet<string> = new Set(["virtual_server", "real_server", "sorry_server"]);
