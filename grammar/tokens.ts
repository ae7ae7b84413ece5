/**
 * Token definitions of keepalived.conf. Blanks and line breaks are trivia: the lexer skips them
 * and the parser finds line ends by looking at the gap between two tokens (see `parser.ts`), so
 * a 260k-line file costs no line-break token objects. Comments go to their own token group.
 *
 * keepalived splits words on the C-locale blanks only (space, \t, \n, \v, \f, \r), so any other
 * character, a no-break space or an ideographic space included, is part of a word.
 */
import { createToken, Lexer } from "chevrotain";

/**
 * The characters a word may start with (every UTF-16 code unit except those of `excluded`), for
 * chevrotain's first-character optimisation, as few as give it the same table: chevrotain keys
 * each code below 256 on its own and puts higher codes in buckets of 255 (255 + code / 255,
 * see its charCodeToOptimizedIndex), so one code per bucket that is not excluded stands for
 * the bucket. About 500 codes instead of 65,000, which chevrotain walked at every start of the CLI.
 * An astral character is found by its leading surrogate, which a bucket covers. Every token
 * with a regular expression names its first characters so, and chevrotain parses none of them
 * to find out when the lexer is built.
 */
function startCharsExcept(excluded: string): number[] {
  const skip = new Set<number>();
  for (let i = 0; i < excluded.length; i++) skip.add(excluded.charCodeAt(i));
  const out: number[] = [];
  for (let c = 0; c < 256; c++) if (!skip.has(c)) out.push(c);
  // Bucket k holds the codes k*255 .. k*255+254 (from 256 on): the first of them that starts a word.
  for (let k = 1; k * 255 <= 0xffff; k++) {
    const last = Math.min(k * 255 + 254, 0xffff);
    let c = Math.max(256, k * 255);
    while (c < last && skip.has(c)) c++;
    if (!skip.has(c)) out.push(c);
  }
  return out;
}

/**
 * Blanks and line breaks. A BOM counts as a blank so the first keyword of a file that starts
 * with one is still read; `parse` reports the BOM, since keepalived would not skip it.
 */
export const Blank = createToken({
  name: "Blank",
  pattern: /[ \t\n\r\f\v\ufeff]+/,
  start_chars_hint: [..." \t\n\r\f\v\ufeff"],
  group: Lexer.SKIPPED,
  line_breaks: true,
});
/** `#` or `!` to the end of the line; a CR counts as a line end only before LF. */
export const Comment = createToken({
  name: "Comment",
  pattern: /[#!](?:[^\r\n]|\r(?!\n))*/,
  start_chars_hint: ["#", "!"],
  group: "comments",
});
export const LBrace = createToken({ name: "LBrace", pattern: "{" });
export const RBrace = createToken({ name: "RBrace", pattern: "}" });
/** Any word-like token; arguments accept all of them. */
export const AnyWord = createToken({ name: "AnyWord", pattern: Lexer.NA });
/** What may lead a line and applies to the rest of it: `@id` and a `~SEQ(...)` header. */
export const LinePrefix = createToken({ name: "LinePrefix", pattern: Lexer.NA });

/** `"..."`; without a closing quote it runs to the end of the line, as in keepalived. */
export const QuotedString = createToken({
  name: "QuotedString",
  pattern: /"(?:[^"\r\n]|\r(?!\n))*"?/,
  start_chars_hint: ['"'],
  categories: [AnyWord],
});

// A backslash escapes only `#` and `!`; before anything else (a blank, a brace, a quote) it is
// an ordinary character, as keepalived's word splitter has no escapes.
const wordChars = String.raw`(?:[^ \t\n\r\f\v\ufeff{}"#!\\]|\\[#!]?)`;

/** `@id` or `@^id` (only meaningful at the start of a line). */
export const AtWord = createToken({
  name: "AtWord",
  pattern: new RegExp(`@${wordChars}*`),
  start_chars_hint: ["@"],
  categories: [AnyWord, LinePrefix],
});

/**
 * A bare word. `\#` and `\!` keep a comment character in the word.
 */
export const Word = createToken({
  name: "Word",
  pattern: new RegExp(`${wordChars}+`),
  start_chars_hint: startCharsExcept(' \t\n\r\f\v\ufeff{}"#!@'),
  categories: [AnyWord],
});
