/**
 * Shared pieces of the tag scanners: finding a closing delimiter while skipping the strings of
 * the template language, and cutting an unclosed tag at its line's end so the rest of the file
 * is still read.
 */
import type { TagKind, TemplateProblem, TemplateTag } from "./types.js";

/**
 * The offset of `close` at or after `from`, skipping string literals opened by one of `quotes`
 * (a backslash escapes inside them, except in Go's back-quoted strings); -1 when there is none.
 * A string that never closes ends at the line's end.
 */
export function findClose(text: string, from: number, close: string, quotes: string, rawQuote = ""): number {
  const first = close.charCodeAt(0);
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === first && text.startsWith(close, i)) return i;
    const ch = text[i]!;
    if (quotes.includes(ch)) {
      const raw = ch === rawQuote;
      let j = i + 1;
      for (; j < n; j++) {
        const d = text.charCodeAt(j);
        if (!raw && d === 92 /* \ */) {
          j++;
          continue;
        }
        if (d === c) break;
        if (!raw && d === 10) break;
      }
      i = j;
    }
  }
  return -1;
}

/** The end of the line holding `offset` (before its line feed). */
export function lineEndOf(text: string, offset: number): number {
  const nl = text.indexOf("\n", offset);
  return nl === -1 ? text.length : nl;
}

/**
 * Whether the close found for a tag at `start` is really its own: when it lies on a later line
 * and another opening delimiter stands in between, the tag was left open and the close belongs
 * to a later tag (`priority {{ p` followed by `state {{ s }}`).
 */
export function closeBelongsToLaterTag(text: string, start: number, openLength: number, close: number, opens: readonly string[]): boolean {
  const eol = lineEndOf(text, start);
  if (close < eol) return false;
  const between = text.slice(start + openLength, close);
  return opens.some((o) => between.includes(o));
}

/** Collects tags and problems for one scan. */
export class TagSink {
  readonly tags: TemplateTag[] = [];
  readonly problems: TemplateProblem[] = [];

  /**
   * Adds the tag opened at `start` whose closing delimiter (of `closeLength`) is at `close`
   * (-1: none). An unclosed tag is cut at its line's end and reported. Returns the offset
   * scanning goes on from.
   */
  add(
    text: string,
    kind: TagKind,
    start: number,
    bodyStart: number,
    close: number,
    closeLength: number,
    trimClose: boolean,
    what: string,
  ): number {
    if (close === -1) {
      const end = Math.max(lineEndOf(text, start), bodyStart);
      const cut = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      this.tags.push({ kind, start, end: cut, bodyStart, bodyEnd: cut, closed: false });
      this.problems.push({
        start,
        end: Math.min(start + 2, cut),
        message: `this ${what} is never closed; the template engine refuses the file`,
      });
      return cut;
    }
    const bodyEnd = trimClose ? close - 1 : close;
    this.tags.push({ kind, start, end: close + closeLength, bodyStart, bodyEnd: Math.max(bodyStart, bodyEnd), closed: true });
    return close + closeLength;
  }
}

/** The literal of a string expression (`'x'`, `"x"`), or undefined when the code is anything else. */
export function stringLiteral(code: string): string | undefined {
  const m = /^\s*(?:'([^'\\]*)'|"([^"\\]*)")\s*$/.exec(code);
  return m ? (m[1] ?? m[2]) : undefined;
}
