/** A keyword's own arguments against its schema entry: missing, malformed, out of range, surplus. */
import type { Block, Statement } from "../../../grammar/index.js";
import type { KeywordSpec } from "../schema/types.js";
import { cover, type Reporter } from "./report.js";
import { checkValue } from "./values.js";

export function checkArguments(spec: KeywordSpec, node: Statement | Block, reporter: Reporter): void {
  const specs = spec.args;
  if (!specs) return;
  const words = node.args;
  let used = 0;
  for (const arg of specs) {
    if (arg.repeat) {
      for (; used < words.length; used++) {
        const problem = checkValue(arg.kind, words[used]!.text);
        if (problem) reporter.problem(words[used]!, problem, `${spec.name} ${arg.name}`);
      }
      if (used === 0 && !arg.optional) missing(spec, node, arg.name, reporter);
      break;
    }
    const word = words[used];
    if (!word) {
      if (!arg.optional) missing(spec, node, arg.name, reporter);
      break;
    }
    used++;
    const problem = checkValue(arg.kind, word.text);
    if (problem) reporter.problem(word, problem, `${spec.name}`);
  }
  if (used < words.length && !spec.allowsExtra) {
    const extra = cover(words[used]!, words[words.length - 1]!);
    reporter.report(extra, "extra-argument", specs.length === 0 ? `${spec.name} takes no arguments; keepalived ignores these` : `${spec.name} takes ${specs.length} argument${specs.length === 1 ? "" : "s"}; keepalived ignores the rest`);
  }
}

function missing(spec: KeywordSpec, node: Statement | Block, what: string, reporter: Reporter): void {
  const fatal = spec.missingArgIsFatal ? " (keepalived stops reading the configuration here)" : "";
  reporter.report(node.keyword, "missing-argument", `${spec.name} needs ${article(what)}${fatal}`);
}

function article(what: string): string {
  return /^[A-Z]/.test(what) ? what : /^[aeiou]/.test(what) ? `an ${what}` : `a ${what}`;
}
