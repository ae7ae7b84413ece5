/**
 * Token definitions of keepalived.conf. keepalived reads a file line by line, so line breaks
 * are tokens; blanks are trivia (the gaps between tokens) and comments go to their own group.
 */
import { createToken, Lexer } from "chevrotain";

/** Every character that can start a bare word: chevrotain's first-character optimisation needs them listed. */
const wordStartChars: string[] = [];
for (let c = 0; c < 0x3000; c++) {
  const ch = String.fromCharCode(c);
  if (/[\s{}"#!@]/.test(ch) || (c >= 0xd800 && c <= 0xdfff)) continue;
  wordStartChars.push(ch);
}

export const Newline = createToken({ name: "Newline", pattern: /\r?\n/, line_breaks: true });
// A lone CR or a form feed counts as a blank, as keepalived's word splitter treats them.
export const Blank = createToken({ name: "Blank", pattern: /[ \t\f\v\r\ufeff]+/, group: Lexer.SKIPPED });
export const Comment = createToken({ name: "Comment", pattern: /[#!][^\r\n]*/, group: "comments" });
export const LBrace = createToken({ name: "LBrace", pattern: "{" });
export const RBrace = createToken({ name: "RBrace", pattern: "}" });
/** `"..."`; without a closing quote it runs to the end of the line, as in keepalived. */
/** Any word-like token; arguments accept all of them. */
export const AnyWord = createToken({ name: "AnyWord", pattern: Lexer.NA });

export const QuotedString = createToken({ name: "QuotedString", pattern: /"[^"\r\n]*"?/, categories: [AnyWord] });

/** `@id` or `@^id` (only meaningful at the start of a line). */
export const AtWord = createToken({
  name: "AtWord",
  pattern: /@(?:[^\s{}"#!\\]|\\[^\r\n])*/,
  categories: [AnyWord],
});

/**
 * A bare word. `\#` and `\!` keep a comment character in the word; any other backslash pair is
 * kept as is. A lone backslash before a line break still belongs to the word.
 */
export const Word = createToken({
  name: "Word",
  pattern: /(?:[^\s{}"#!\\]|\\[^\r\n]|\\(?=[\r\n]|$))+/,
  start_chars_hint: [...wordStartChars, "\\"],
  categories: [AnyWord],
});

