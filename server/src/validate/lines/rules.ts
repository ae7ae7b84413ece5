/**
 * `virtual_rules` and `static_rules` lines (policy routing):
 * `[from P] [to P] [iif IF] [fwmark M] ... preference N ACTION` where ACTION is
 * `table T`, `goto N`, `nop`, `blackhole`, `prohibit` or `unreachable`.
 * keepalived refuses rules without an action, and reports rules without a preference
 * (it invents one, which is rarely what the author meant).
 */
import type { Word } from "../../../../grammar/index.js";
import { readAddressPrefix, readInteger } from "../../schema/values.js";
import type { LineChecker } from "./context.js";

const VALUED: ReadonlySet<string> = new Set([
  "from",
  "to",
  "table",
  "lookup",
  "preference",
  "order",
  "priority",
  "tos",
  "dsfield",
  "fwmark",
  "realms",
  "suppress_prefixlength",
  "sup_pl",
  "suppress_ifgroup",
  "sup_group",
  "dev",
  "iif",
  "oif",
  "tunnel-id",
  "uidrange",
  "protocol",
  "ipproto",
  "sport",
  "dport",
  "track_group",
]);
const FLAGS: ReadonlySet<string> = new Set(["inet", "inet6", "not", "l3mdev", "no_track"]);
const ACTIONS: ReadonlySet<string> = new Set(["nop", "blackhole", "prohibit", "unreachable"]);
const ADDRESS_WORDS: ReadonlySet<string> = new Set(["default", "any", "all"]);

export const checkRule: LineChecker = (words, { reporter }) => {
  let action: Word | undefined;
  let preference: number | undefined;
  let gotoTarget: { word: Word; value: number } | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const name = word.text;
    if (FLAGS.has(name)) {
      if (name === "l3mdev") action = word;
      continue;
    }
    if (VALUED.has(name)) {
      const value = words[i + 1];
      if (!value) {
        reporter.report(word, "missing-argument", `'${name}' needs a value after it`);
        return;
      }
      i++;
      switch (name) {
        case "from":
        case "to":
          if (!ADDRESS_WORDS.has(value.text) && !readAddressPrefix(value.text).ok)
            reporter.report(value, "invalid-value", `'${value.text}' is not a valid ${name} address`);
          break;
        case "table":
        case "lookup":
          if (value.text === "0") reporter.report(value, "invalid-value", `table 0 cannot be used in a rule`);
          action = word;
          break;
        case "preference":
        case "order":
        case "priority": {
          // This one number is read with C base detection, so 0x10 and 010 are numbers too.
          const n = /^0x[0-9a-fA-F]+$/i.test(value.text)
            ? { ok: true as const, value: parseInt(value.text, 16) }
            : readInteger(value.text, { min: 0, max: 4294967295 });
          if (!n.ok) reporter.problem(value, n.problem, "rule preference");
          else preference = n.value;
          break;
        }
        case "protocol": {
          const n = readInteger(value.text, { min: 0, max: 255 });
          if (!n.ok) reporter.problem(value, n.problem, "rule protocol");
          break;
        }
        case "suppress_prefixlength":
        case "sup_pl": {
          const n = readInteger(value.text, { min: 0, max: 2147483647 });
          if (!n.ok) reporter.problem(value, n.problem, name);
          break;
        }
        default:
          break;
      }
      continue;
    }
    const actionWord = name === "type" ? words[++i] : word;
    if (!actionWord) {
      reporter.report(word, "missing-argument", `'type' needs an action after it`);
      return;
    }
    if (actionWord.text === "goto") {
      const target = words[i + 1];
      if (!target) {
        reporter.report(actionWord, "missing-argument", `'goto' needs a rule preference to jump to`);
        return;
      }
      i++;
      const n = readInteger(target.text, { min: 0, max: 4294967295 });
      if (!n.ok) return reporter.problem(target, n.problem, "goto target");
      gotoTarget = { word: target, value: n.value };
    } else if (!ACTIONS.has(actionWord.text)) {
      reporter.report(actionWord, "invalid-value", `'${actionWord.text}' is not a rule option or action`);
      return;
    }
    if (action) {
      reporter.report(
        actionWord,
        "invalid-value",
        `a rule takes one action (table, goto, nop, blackhole, prohibit, unreachable or l3mdev)`,
      );
      return;
    }
    action = actionWord;
  }
  if (gotoTarget) {
    if (preference === undefined)
      return reporter.report(gotoTarget.word, "missing-argument", `a goto rule needs its own preference, lower than the target`);
    if (preference >= gotoTarget.value)
      return reporter.report(
        gotoTarget.word,
        "invalid-value",
        `goto must jump forward: target ${gotoTarget.value} is not above preference ${preference}`,
      );
  }
  if (!action)
    return reporter.report(words[0]!, "missing-argument", `the rule has no action (table, goto, nop, blackhole, prohibit or unreachable)`);
  if (preference === undefined)
    reporter.report(words[0]!, "missing-argument", `the rule has no preference; keepalived would pick one for it`);
};
