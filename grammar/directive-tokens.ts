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

const definitionHead = new RegExp(`\\$${PARAMETER_NAME}=`, "y");

function matchDefinition(text: string, offset: number): RegExpExecArray | null {
  definitionHead.lastIndex = offset;
  if (!definitionHead.test(text) || !atLineStart(text, offset)) return null;
  let { end, lineEnd } = contentEnd(text, offset);
  // A value ending in a backslash continues on the next line; an empty line stops it.
  while (end > offset && text.charCodeAt(end - 1) === 92 && lineEnd < text.length) {
    const next = contentEnd(text, lineEnd + 1);
    if (next.end === lineEnd + 1 || text.slice(lineEnd + 1, next.end).trim() === "") break;
    end = next.end;
    lineEnd = next.lineEnd;
  }
  const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
  return m;
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
