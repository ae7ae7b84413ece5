/**
 * The formatter's view of a file: its tokens (comments merged in, in source order) grouped
 * into physical lines, and the facts about a line that decide how freely it may be re-laid out.
 * The file is lexed once: the same tokens, without the comments, are what the parser checks.
 */
import type { IToken } from "chevrotain";
import { DefinitionLine, SequenceHead } from "../../../grammar/directive-tokens.js";
import { lex } from "../../../grammar/lexer.js";
import { PARAMETER_NAME } from "../../../grammar/parameters.js";
import { AtWord, Comment, LBrace, QuotedString, RBrace, Word } from "../../../grammar/tokens.js";

/** The tokens of one physical line (a multi-line `$NAME=` definition counts as one token), newline excluded. */
export type SourceLine = readonly IToken[];

export interface TokenizedText {
  readonly lines: readonly SourceLine[];
  /** The lexer's tokens without the comments, in order: the parser's input. */
  readonly tokens: IToken[];
  /** Offset of the first character the lexer skipped although keepalived would read it, if any. */
  readonly uncovered: number | undefined;
  /** A quoted string with no closing quote (it runs to the end of its line), if any. */
  readonly unterminated: IToken | undefined;
}

export function endOf(t: IToken): number {
  return t.startOffset + t.image.length;
}

export const isComment = (t: IToken): boolean => t.tokenType === Comment;
export const isOpen = (t: IToken): boolean => t.tokenType === LBrace;
export const isClose = (t: IToken): boolean => t.tokenType === RBrace;
export const isBrace = (t: IToken): boolean => t.tokenType === LBrace || t.tokenType === RBrace;
export const isDefinition = (t: IToken): boolean => t.tokenType === DefinitionLine;

/**
 * Separators keepalived skips between words. The lexer also skips a byte order mark, which
 * keepalived would read as part of a word, so a file holding one is left alone.
 */
function isSeparator(c: number): boolean {
  return c === 32 || c === 9 || c === 12 || c === 11 || c === 13;
}

/** Splits the text into physical lines of tokens, merging the lexer's comment group back in by offset. */
export function tokenize(text: string): TokenizedText {
  const { tokens, comments } = lex(text);
  let line: IToken[] = [];
  const lines: IToken[][] = [line];
  let uncovered: number | undefined;
  let unterminated: IToken | undefined;
  let at = 0;
  /** Walks the gap before `to`: line breaks start new lines, anything but a separator is a character the lexer lost. */
  const gap = (to: number): void => {
    for (let i = at; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) lines.push((line = []));
      else if (!isSeparator(c)) uncovered ??= i;
    }
  };
  const take = (t: IToken): void => {
    gap(t.startOffset);
    line.push(t);
    at = endOf(t);
  };
  let c = 0;
  for (const t of tokens) {
    while (c < comments.length && comments[c]!.startOffset < t.startOffset) take(comments[c++]!);
    if (t.tokenType === QuotedString && (t.image.length === 1 || !t.image.endsWith('"'))) unterminated ??= t;
    take(t);
  }
  while (c < comments.length) take(comments[c++]!);
  gap(text.length);
  return { lines, tokens, uncovered, unterminated };
}

/** A `$NAME=` or `~...` word that sits after a brace, and would become a directive at the start of a line. */
const directiveLike = new RegExp(`^(?:\\$${PARAMETER_NAME}=|~)`);

/**
 * Whether a line must stay one line, exactly as grouped. keepalived applies its line-level
 * preprocessing (`@id` conditions, `~SEQ`/`~LST` repetition, `$NAME=` definitions, `$NAME`
 * substitution) to the physical line *before* it splits the line at braces, so:
 * - a condition or sequence covers everything on its line, braces included: splitting such a
 *   line, or pulling a brace onto it, changes which lines the condition keeps or repeats;
 * - a `$NAME=...` or `~SEQ(` word after a brace would turn into a directive on a line of its own;
 * - `$NAME` directly before a brace: a multi-line definition is only substituted as the last
 *   item on a line, and `$NAME` glued to a brace is not substituted at all, so moving the
 *   brace away would change what the line expands to.
 */
export function mustStayWhole(line: SourceLine): boolean {
  for (let i = 0; i < line.length; i++) {
    const t = line[i]!;
    const type = t.tokenType;
    if (type === AtWord || type === SequenceHead) return true;
    if (type === Word && directiveLike.test(t.image)) return true;
    if ((type === Word || type === QuotedString) && t.image.includes("$") && line[i + 1] !== undefined && isBrace(line[i + 1]!))
      return true;
  }
  return false;
}

/**
 * Whether a `{` may be appended after this word, the last on its line. Not after `$NAME` (see
 * `mustStayWhole`), and not after a word ending in a backslash, which would then escape the
 * blank before the brace and read differently.
 */
export function braceMayFollow(t: IToken): boolean {
  return !t.image.includes("$") && !t.image.endsWith("\\");
}
