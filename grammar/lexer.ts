import { Lexer, type IToken } from "chevrotain";
import { DefinitionLine, SequenceHead } from "./directive-tokens.js";
import { AnyWord, AtWord, Blank, Comment, LBrace, Newline, QuotedString, RBrace, Word } from "./tokens.js";

// Order matters: the directive matchers must be tried before a plain word.
export const allTokens = [Newline, Blank, Comment, LBrace, RBrace, QuotedString, DefinitionLine, SequenceHead, AtWord, Word, AnyWord];

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
}

export function lex(text: string): LexResult {
  const result = lexer.tokenize(text);
  // Every character belongs to some token or to blank trivia, so the lexer cannot fail;
  // should that ever change, the parser still sees the tokens it got.
  return { tokens: result.tokens, comments: result.groups["comments"] ?? [] };
}
