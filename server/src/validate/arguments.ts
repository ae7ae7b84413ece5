/** A keyword's own arguments against its schema entry: missing, malformed, out of range, surplus. */
import { writtenAs, type Block, type Statement, type Word } from "../../../grammar/index.js";
import { compareVersions, formatVersion } from "../schema/lookup.js";
import { numberKindText } from "../schema/describe.js";
import type { ArgKind, ArgSpec, EarlierArgs, KeywordSpec, Version } from "../schema/types.js";
import { cover, type Reporter } from "./report.js";
import { addressPart, checkValue, type ValueProblem } from "../schema/values.js";

/** The argument list keepalived `target` reads; when that is an earlier one, the version that changed it and what it does with values now refused. */
export function argsFor(
  spec: KeywordSpec,
  target: Version,
): { args: readonly ArgSpec[] | undefined; changedIn?: Version; lenient?: string; allowsExtra?: boolean } {
  let chosen: EarlierArgs | undefined;
  for (const e of spec.earlierArgs ?? []) {
    if (compareVersions(target, e.before) < 0 && (!chosen || compareVersions(e.before, chosen.before) < 0)) chosen = e;
  }
  if (!chosen) return { args: spec.args };
  return {
    args: chosen.args,
    changedIn: chosen.before,
    ...(chosen.lenient !== undefined ? { lenient: chosen.lenient } : {}),
    ...(chosen.allowsExtra !== undefined ? { allowsExtra: chosen.allowsExtra } : {}),
  };
}

export function checkArguments(spec: KeywordSpec, node: Statement | Block, reporter: Reporter, target: Version): void {
  // This runs for every statement of a file: no allocation unless the keyword changed over time.
  const earlier = spec.earlierArgs === undefined ? undefined : argsFor(spec, target);
  const specs = earlier ? earlier.args : spec.args;
  const changedIn = earlier?.changedIn;
  const older = changedIn ? { target, changedIn, lenient: earlier?.lenient } : undefined;
  if (!specs) return;
  const words = node.args;
  let used = 0;
  for (const arg of specs) {
    if (arg.repeat) {
      for (; used < words.length; used++) checkWord(spec, arg.kind, words[used]!, `${spec.name} ${arg.name}`, used, reporter, older);
      if (used === 0 && !arg.optional) missing(spec, node, arg.name, reporter);
      break;
    }
    const word = words[used];
    if (!word) {
      if (!arg.optional) missing(spec, node, arg.name, reporter);
      break;
    }
    checkWord(spec, arg.kind, word, spec.name, used, reporter, older);
    used++;
  }
  if (used < words.length && !(earlier?.allowsExtra ?? spec.allowsExtra)) {
    const extra = cover(words[used]!, words[words.length - 1]!);
    reporter.report(
      extra,
      "extra-argument",
      specs.length === 0
        ? `${spec.name} takes no arguments; keepalived ignores these`
        : `${spec.name} takes ${specs.length} argument${specs.length === 1 ? "" : "s"}; keepalived ignores the rest`,
    );
  }
}

/** How an earlier release reads the line: its version, the one that changed it, and what it does with values now refused. */
interface Older {
  readonly target: Version;
  readonly changedIn: Version;
  readonly lenient: string | undefined;
}

function checkWord(
  spec: KeywordSpec,
  kind: ArgKind,
  word: Word,
  context: string,
  position: number,
  reporter: Reporter,
  older: Older | undefined,
): void {
  const problem = checkValue(kind, word.text);
  if (problem)
    reporter.problem(word, older ? olderReading(problem, spec, position, word, kind, older.target, older.changedIn) : problem, context);
  else if (older?.lenient !== undefined) {
    // The target takes the word; if the current list does not, it is a mistake that release lets through.
    const current = spec.args?.[Math.min(position, spec.args.length - 1)];
    const now = current && checkValue(current.kind, word.text);
    if (now) {
      const from = refusedFrom(spec, position, word.text, older.target);
      const message = `${now.message}; keepalived ${formatVersion(older.target)} ${older.lenient}${from ? ` (${formatVersion(from)} and later refuse it)` : ""}`;
      reporter.problem(word, { code: now.code, message }, context, { mild: true });
    }
  } else if (kind.type === "ip") droppedSuffix(spec, word, reporter);
}

/** A single address written with a /prefix or -range: keepalived's socket-address reader drops it without a word. */
function droppedSuffix(spec: KeywordSpec, word: Word, reporter: Reporter): void {
  const address = addressPart(word.text);
  if (address === word.text) return;
  const fix = writtenAs(word)
    ? {
        fix: {
          description: `remove '${word.text.slice(address.length)}'`,
          edits: [{ file: word.file, start: word.start, end: word.end, newText: address }],
          safe: true,
        },
      }
    : {};
  reporter.report(
    word,
    "misread-value",
    `${spec.name} takes one address: keepalived reads ${address} and drops '${word.text.slice(address.length)}' without a word`,
    fix,
  );
}

/** The first release after `target` whose argument list refuses `text` at `position`. */
function refusedFrom(spec: KeywordSpec, position: number, text: string, target: Version): Version | undefined {
  const changes = (spec.earlierArgs ?? [])
    .map((e) => e.before)
    .filter((v) => compareVersions(v, target) > 0)
    .sort(compareVersions);
  for (const release of changes) {
    const args = argsFor(spec, release).args;
    const arg = args?.[Math.min(position, args.length - 1)];
    if (arg && checkValue(arg.kind, text)) return release;
  }
  return undefined;
}

/**
 * A value the target version refuses (read as `oldKind`): when the current argument list would
 * take it, say which release started to, so the reader knows the line is fine for newer keepalived.
 */
function olderReading(
  problem: ValueProblem,
  spec: KeywordSpec,
  position: number,
  word: Word,
  oldKind: ArgKind,
  target: Version,
  changedIn: Version,
): ValueProblem {
  const current = spec.args?.[Math.min(position, spec.args.length - 1)];
  if (!current || checkValue(current.kind, word.text)) return problem;
  return {
    code: problem.code,
    message: `${problem.message}; keepalived ${formatVersion(target)} reads ${spec.name} as ${phrase(oldKind)}; keepalived ${formatVersion(changedIn)} and later take ${phrase(current.kind)}`,
  };
}

const phrase = (kind: ArgKind): string => `a ${numberKindText(kind) ?? kind.type}`;

function missing(spec: KeywordSpec, node: Statement | Block, what: string, reporter: Reporter): void {
  const fatal = spec.missingArgIsFatal ? " (keepalived stops reading the configuration here)" : "";
  reporter.report(node.keyword, "missing-argument", `${spec.name} needs ${article(what)}${fatal}`);
}

function article(what: string): string {
  return /^[A-Z]/.test(what) ? what : /^[aeiou]/.test(what) ? `an ${what}` : `a ${what}`;
}
