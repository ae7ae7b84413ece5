import type { IToken } from "chevrotain";
import type { Word } from "./ast.js";
import type { SourceText } from "./source.js";

const escapedComment = /\\([#!])/g;

/** Words longer than this are rarely repeated (paths, scripts); they are not shared. */
const SHARED_MAX_LENGTH = 32;
/** Slots of the cache below (a power of two). */
const SLOTS = 2048;

/**
 * One string per distinct short word text within a parse, as far as a small cache finds them.
 * The lexer hands every token its own copy of its text, and a tree keeps them all: in a large
 * file most words are a few dozen keywords and numbers repeated, so sharing them leaves far
 * fewer objects for the garbage collector to copy (ARCHITECTURE.md, speed notes). The cache is
 * direct-mapped by length and three characters, so a lookup hashes nothing and a file of
 * unique words costs one comparison per word.
 */
export class WordTexts {
  private readonly slots: string[] = new Array<string>(SLOTS).fill("");

  share(text: string): string {
    const n = text.length;
    if (n > SHARED_MAX_LENGTH) return text;
    const slot = (n * 31 + text.charCodeAt(0) * 7 + text.charCodeAt(n >> 1) * 3 + text.charCodeAt(n - 1)) & (SLOTS - 1);
    const known = this.slots[slot]!;
    if (known === text) return known;
    this.slots[slot] = text;
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
