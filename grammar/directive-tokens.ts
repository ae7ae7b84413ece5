/**
 * Tokens for the preprocessor directives that keepalived recognises on whole lines before it
 * splits words: `$NAME=value` definitions (which may continue over lines ending in `\`) and
 * `~SEQ(...)` / `~LST(...)` headers. They need custom matchers because their extent depends on
 * the line (start of line, quotes, parentheses), which a regular expression cannot see.
 */
import { createToken } from "chevrotain";
import { PARAMETER_NAME } from "./parameters.js";
import { LinePrefix } from "./tokens.js";

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 0xfeff;
}

/** True when only blanks, or a leading `@id` prefix and blanks, stand between the line start and `offset`. */
export function atLineStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && isBlank(text.charCodeAt(i))) i--;
  if (i < 0 || text.charCodeAt(i) === 10) return true;
  if (i === offset - 1) return false; // glued to the previous word
  // Allow one `@id` word before, itself at the start of the line.
  let j = i;
  while (j >= 0 && !isBlank(text.charCodeAt(j)) && text.charCodeAt(j) !== 10) j--;
  if (text.charCodeAt(j + 1) !== 64 /* @ */) return false;
  while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
  return j < 0 || text.charCodeAt(j) === 10;
}

/**
 * End of a line's content: before the first comment character outside double quotes (an
 * escaped `\#` or `\!` does not start one), with trailing blanks dropped.
 */
export function contentEnd(text: string, from: number): { end: number; lineEnd: number } {
  let i = from;
  let quoted = false;
  let commentAt = -1;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10) break;
    if (commentAt < 0) {
      if (c === 34) quoted = !quoted;
      else if (!quoted && c === 92 && (text.charCodeAt(i + 1) === 35 || text.charCodeAt(i + 1) === 33)) i++;
      else if (!quoted && (c === 35 || c === 33)) commentAt = i;
    }
    i++;
  }
  let end = commentAt >= 0 ? commentAt : i;
  while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
  return { end, lineEnd: i };
}

/** One physical line of a `$NAME=` definition, as keepalived keeps it. */
export interface DefinitionPart {
  /** Where the line's text starts (leading blanks skipped). */
  readonly start: number;
  /** Where its text ends: comment, trailing blanks and a continuing `\` left out. */
  readonly valueEnd: number;
  /** Where it ends with the comment and trailing blanks left out (a continuing `\` kept, when it stands before the comment). */
  readonly contentEnd: number;
  /** Where the physical line ends, before its line break. */
  readonly lineEnd: number;
  /** The definition goes on to the next line. */
  readonly continues: boolean;
}

/**
 * How keepalived reads a line of a definition. It drops the comment and trailing blanks but
 * keeps a `\` that ends the physical line, even after a comment; a line whose text then ends in
 * `\` continues the definition. (The processes that run VRRP and LVS read a copy of the file
 * written that way, so a comment line ending in `\` continues a definition, while a comment or
 * blank line without one ends it.)
 */
export function definitionPart(text: string, from: number): DefinitionPart {
  const { end, lineEnd } = contentEnd(text, from);
  let start = from;
  while (start < end && isBlank(text.charCodeAt(start))) start++;
  let rawEnd = lineEnd;
  if (rawEnd > from && text.charCodeAt(rawEnd - 1) === 13) rawEnd--;
  // An odd run of backslashes ends the line with one that escapes nothing.
  let run = 0;
  while (rawEnd - run > from && text.charCodeAt(rawEnd - run - 1) === 92) run++;
  const continues = run % 2 === 1 || (end > start && text.charCodeAt(end - 1) === 92);
  let valueEnd = end;
  if (continues && valueEnd > start && text.charCodeAt(valueEnd - 1) === 92) valueEnd--;
  if (continues) while (valueEnd > start && isBlank(text.charCodeAt(valueEnd - 1))) valueEnd--;
  return { start, valueEnd, contentEnd: end, lineEnd, continues };
}

/**
 * The lines of the definition whose `$` is at `from`: the first, then while one continues, the
 * next. A following line with no text that does not continue either (blank, or a comment)
 * ends the definition and is not part of it; continuing lines with no text add nothing.
 */
export function definitionParts(text: string, from: number): DefinitionPart[] {
  const lines = [definitionPart(text, from)];
  for (let last = lines[0]!; last.continues && last.lineEnd < text.length;) {
    const next = definitionPart(text, last.lineEnd + 1);
    if (next.valueEnd === next.start && !next.continues) break;
    lines.push((last = next));
  }
  return lines;
}

const definitionHead = new RegExp(`\\$${PARAMETER_NAME}=`, "y");

function matchDefinition(text: string, offset: number): RegExpExecArray | null {
  definitionHead.lastIndex = offset;
  if (!definitionHead.test(text) || !atLineStart(text, offset)) return null;
  // The token runs to the end of the last line with text; comment lines after it are comments.
  let end = offset;
  for (const line of definitionParts(text, offset)) if (line.contentEnd > line.start) end = line.contentEnd;
  return [text.slice(offset, end)] as unknown as RegExpExecArray;
}

const sequenceHead = /~(SEQx|SEQ|LST)\(/y;

function matchSequence(text: string, offset: number): RegExpExecArray | null {
  sequenceHead.lastIndex = offset;
  if (!sequenceHead.test(text) || !atLineStart(text, offset)) return null;
  let depth = 0;
  let i = offset;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) === 10)) break;
    if (c === 40) depth++;
    else if (c === 41 && --depth === 0) {
      i++;
      break;
    }
  }
  return [text.slice(offset, i)] as unknown as RegExpExecArray;
}

export const DefinitionLine = createToken({
  name: "DefinitionLine",
  pattern: { exec: matchDefinition },
  line_breaks: true,
  start_chars_hint: ["$"],
});

export const SequenceHead = createToken({
  name: "SequenceHead",
  pattern: { exec: matchSequence },
  line_breaks: false,
  start_chars_hint: ["~"],
  categories: [LinePrefix],
});
