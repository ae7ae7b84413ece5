import { Lexer, type IToken } from "chevrotain";
import { DefinitionLine, SequenceHead } from "./directive-tokens.js";
import { AnyWord, AtWord, Blank, Comment, LBrace, QuotedString, RBrace, Word } from "./tokens.js";

// Order matters: the directive matchers must be tried before a plain word.
export const allTokens = [Blank, Comment, LBrace, RBrace, QuotedString, DefinitionLine, SequenceHead, AtWord, Word, AnyWord];

// Offsets only: lines and columns come from the source's line table when someone asks,
// which keeps tokens small (see ARCHITECTURE.md speed notes).
const lexer = new Lexer(allTokens, {
  positionTracking: "onlyOffset",
  ensureOptimizations: true,
  skipValidations: true,
});

export interface LexResult {
  readonly tokens: IToken[];
  readonly comments: IToken[];
  /** Characters no token matched; always empty unless the token set has a gap (a bug). */
  readonly unmatched: readonly { readonly start: number; readonly end: number }[];
}

export function lex(text: string): LexResult {
  const result = lexer.tokenize(text);
  return {
    tokens: result.tokens,
    comments: result.groups["comments"] ?? [],
    unmatched: result.errors.map((e) => ({ start: e.offset, end: e.offset + e.length })),
  };
}

/** One piece of a file: a token, a comment, or the blank trivia between them. */
export interface Piece {
  readonly kind: "token" | "comment" | "trivia";
  readonly start: number;
  readonly end: number;
}

/**
 * The whole text as consecutive pieces, for the formatter and for checking that the token
 * stream is lossless: the pieces' text joined is the file, byte for byte.
 */
export function pieces(text: string): Piece[] {
  const { tokens, comments } = lex(text);
  const out: Piece[] = [];
  let at = 0;
  const push = (kind: Piece["kind"], start: number, end: number) => {
    if (start > at) out.push({ kind: "trivia", start: at, end: start });
    out.push({ kind, start, end });
    at = end;
  };
  let c = 0;
  for (const t of tokens) {
    while (c < comments.length && comments[c]!.startOffset < t.startOffset) {
      const k = comments[c++]!;
      push("comment", k.startOffset, k.startOffset + k.image.length);
    }
    push("token", t.startOffset, t.startOffset + t.image.length);
  }
  for (; c < comments.length; c++) push("comment", comments[c]!.startOffset, comments[c]!.startOffset + comments[c]!.image.length);
  if (at < text.length) out.push({ kind: "trivia", start: at, end: text.length });
  return out;
}
