/**
 * What the playground page knows without asking the worker, computed from the schema at build
 * time (scripts/build-web.mjs turns it into the `virtual:playground-facts` module): the words the
 * highlighter colours and the shapes of the values it colours (the TextMate grammar's, so both
 * editors colour alike), and the keepalived versions the target-version picker offers.
 */
import { grammarWords, VALUE_PATTERNS, type GrammarWords } from "../scripts/gen-tmgrammar.js";
import { allKeywords, allRemovedKeywords, compareVersions, formatVersion, NEWEST_VERSION } from "../server/src/schema/lookup.js";
import type { Version } from "../server/src/schema/types.js";

export interface PlaygroundFacts {
  readonly words: GrammarWords;
  /** The grammar's shapes of values (addresses, numbers, booleans), as regular expression sources. */
  readonly values: typeof VALUE_PATTERNS;
  /** Every version at which the schema says a keyword arrived, changed or went, newest first. */
  readonly versions: readonly string[];
  readonly newest: string;
  /** Rule codes that have a docs page (published beside the page as rules/CODE.html). */
  readonly documented: readonly string[];
}

export function playgroundFacts(documented: readonly string[]): PlaygroundFacts {
  const seen = new Map<string, Version>();
  const add = (v: Version | undefined) => v && seen.set(formatVersion(v), v);
  add(NEWEST_VERSION);
  for (const k of allKeywords()) {
    add(k.since);
    add(k.deprecated?.since);
  }
  for (const r of allRemovedKeywords()) add(r.removedIn);
  const versions = [...seen.values()].sort((a, b) => compareVersions(b, a)).map(formatVersion);
  return {
    words: grammarWords(allKeywords(), allRemovedKeywords()),
    values: VALUE_PATTERNS,
    versions,
    newest: formatVersion(NEWEST_VERSION),
    documented,
  };
}
