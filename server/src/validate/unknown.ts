/**
 * What to say about a keyword that is not valid where it stands. In order of usefulness:
 * it was removed from keepalived; it is a name the manual page uses but the parser does not;
 * it belongs to another block; it looks like a keyword of this block (did-you-mean).
 */
import type { Word } from "../../../grammar/index.js";
import { formatVersion, keywordsIn, manPageOnlyName, placesOf, removedKeyword, suggest } from "../schema/lookup.js";
import type { Reporter } from "./report.js";

/** The lines git writes around the two sides of a conflict it could not merge. */
const CONFLICT_MARKER = /^(?:<{7}|={7}|>{7}|\|{7})$/;

/** How many other blocks to name before saying "and N more". */
const MAX_PLACES = 3;

export class UnknownKeywords {
  /** Keyword names per block path, built on first use so the walk stays linear. */
  private readonly candidates = new Map<string, readonly string[]>();

  constructor(private readonly reporter: Reporter) {}

  report(word: Word, parents: readonly string[]): void {
    const name = word.text;
    const here = blockLabel(parents);

    if (CONFLICT_MARKER.test(name)) {
      this.reporter.report(
        word,
        "unknown-keyword",
        `'${name}' is a marker of an unresolved merge conflict: keepalived skips the marker lines and reads the lines of both sides, so for a setting given on both sides the later one wins`,
      );
      return;
    }

    const removed = removedKeyword(name);
    if (removed) {
      const instead = removed.replacement ? `; use ${removed.replacement}` : "";
      this.reporter.report(word, "removed-keyword", `${name} was removed in keepalived ${formatVersion(removed.removedIn)}${instead}`);
      return;
    }

    const manPage = manPageOnlyName(name);
    if (manPage) {
      this.reporter.report(word, "unknown-keyword", `${name} is named in the keepalived manual page, but keepalived reads ${manPage}`, {
        fix: { description: `rename to ${manPage}`, edits: [{ file: word.file, start: word.start, end: word.end, newText: manPage }] },
      });
      return;
    }

    const elsewhere = placesOf(name);
    if (elsewhere.length > 0) {
      const labels = [...new Set(elsewhere.map((p) => blockLabel(p)))];
      const shown = labels.slice(0, MAX_PLACES).join(", ");
      const more = labels.length > MAX_PLACES ? ` and ${labels.length - MAX_PLACES} more` : "";
      this.reporter.report(word, "unknown-keyword", `${name} is valid in ${shown}${more}, not in ${here}`);
      return;
    }

    // Past the findings kept for this file the message is only counted: spare the search.
    const guess = this.reporter.isFull(word, "unknown-keyword") ? undefined : suggest(name, this.namesIn(parents));
    if (guess) {
      this.reporter.report(word, "unknown-keyword", `unknown keyword '${name}' in ${here}; did you mean ${guess}?`, {
        fix: { description: `replace with ${guess}`, edits: [{ file: word.file, start: word.start, end: word.end, newText: guess }] },
      });
      return;
    }
    this.reporter.report(word, "unknown-keyword", `unknown keyword '${name}' in ${here}`);
  }

  private namesIn(parents: readonly string[]): readonly string[] {
    const key = parents.join("\0");
    let names = this.candidates.get(key);
    if (!names) {
      names = keywordsIn(parents).map((k) => k.name);
      this.candidates.set(key, names);
    }
    return names;
  }
}

/** "global_defs", "virtual_server > real_server", or "the top level". */
export function blockLabel(parents: readonly string[]): string {
  return parents.length === 0 ? "the top level" : parents.join(" > ");
}
