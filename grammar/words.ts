import type { IToken } from "chevrotain";
import type { Word } from "./ast.js";
import type { SourceText } from "./source.js";

const escapedComment = /\\([#!])/g;

/** Words longer than this are rarely repeated (paths, scripts); they are not shared. */
const SHARED_MAX_LENGTH = 32;
/** A bound on the table, so a file of unique words costs no more than a few hundred KB. */
const SHARED_MAX_ENTRIES = 8192;

/**
 * One string per distinct short word text within a parse. The lexer hands every token its own
 * copy of its text, and a tree keeps them all: in a large file most words are a few dozen
 * keywords and numbers repeated, so sharing them leaves far fewer objects for the garbage
 * collector to copy (ARCHITECTURE.md, speed notes).
 */
export class WordTexts {
  private readonly known = new Map<string, string>();

  share(text: string): string {
    if (text.length > SHARED_MAX_LENGTH) return text;
    const known = this.known.get(text);
    if (known !== undefined) return known;
    if (this.known.size < SHARED_MAX_ENTRIES) this.known.set(text, text);
    return text;
  }
}

/** The word keepalived sees: quotes dropped; outside quotes `\#` and `\!` stand for `#` and `!`. */
export function makeWord(file: SourceText, token: IToken, texts?: WordTexts): Word {
  const image = token.image;
  const start = token.startOffset;
  const end = start + image.length;
  if (image.charCodeAt(0) === 34) {
    const closed = image.length > 1 && image.charCodeAt(image.length - 1) === 34;
    const text = closed ? image.slice(1, -1) : image.slice(1);
    return closed
      ? { kind: "word", file, start, end, raw: image, text, quoted: true }
      : { kind: "word", file, start, end, raw: image, text, quoted: true, unterminated: true };
  }
  const raw = texts ? texts.share(image) : image;
  const text = raw.includes("\\") ? raw.replace(escapedComment, "$1") : raw;
  return { kind: "word", file, start, end, raw, text, quoted: false };
}
