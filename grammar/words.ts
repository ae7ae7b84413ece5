import type { IToken } from "chevrotain";
import type { Word } from "./ast.js";
import type { SourceText } from "./source.js";

const escapedComment = /\\([#!])/g;

/** The word keepalived sees: quotes dropped; outside quotes `\#` and `\!` stand for `#` and `!`. */
export function makeWord(file: SourceText, token: IToken): Word {
  const raw = token.image;
  const start = token.startOffset;
  const end = start + raw.length;
  if (raw.charCodeAt(0) === 34) {
    const closed = raw.length > 1 && raw.charCodeAt(raw.length - 1) === 34;
    const text = closed ? raw.slice(1, -1) : raw.slice(1);
    return closed
      ? { kind: "word", file, start, end, raw, text, quoted: true }
      : { kind: "word", file, start, end, raw, text, quoted: true, unterminated: true };
  }
  const text = raw.includes("\\") ? raw.replace(escapedComment, "$1") : raw;
  return { kind: "word", file, start, end, raw, text, quoted: false };
}
