import { Lexer, type IToken } from "chevrotain";
import { DefinitionLine, SequenceHead } from "./directive-tokens.js";
import { AnyWord, AtWord, Blank, Comment, LBrace, LinePrefix, QuotedString, RBrace, Word } from "./tokens.js";

// Order matters: the directive matchers must be tried before a plain word.
export const allTokens = [Blank, Comment, LBrace, RBrace, QuotedString, DefinitionLine, SequenceHead, AtWord, Word, AnyWord, LinePrefix];

// Offsets only: lines and columns come from the source's line table when someone asks,
// which keeps tokens small (docs/ARCHITECTURE.md, speed). Built on the first lexing, not when
// the module loads: `kalint --version` or `rules` never lexes.
let lexer: Lexer | undefined;
const theLexer = (): Lexer =>
  (lexer ??= new Lexer(allTokens, { positionTracking: "onlyOffset", ensureOptimizations: true, skipValidations: true }));

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  /** Characters no token matched; always empty unless the token set has a gap (a bug). */
  readonly unmatched: readonly { readonly start: number; readonly end: number }[];
}

export function lex(text: string): LexResult {
  const result = theLexer().tokenize(text);
  return {
    tokens: result.tokens,
    comments: result.groups["comments"] ?? [],
    unmatched: result.errors.map((e) => ({ start: e.offset, end: e.offset + e.length })),
  };
}

/**
 * Whether a line feed lies in the gap between the end of `previous` and offset `to`. Line breaks
 * are trivia, not tokens, so this is how the parser and the chunker find where a line ends.
 */
export function lineBreakAfter(text: string, previous: IToken, to: number): boolean {
  for (let i = previous.startOffset + previous.image.length; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
