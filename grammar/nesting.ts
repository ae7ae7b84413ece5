/**
 * A bound on block nesting. The parser, the validator and the formatter all descend blocks
 * recursively; keepalived's own blocks nest a few levels at most, so text nested far deeper is
 * certainly wrong, and without a bound a file of a few thousand `{` would exhaust the stack.
 */
import type { IToken } from "chevrotain";
import type { Diagnostic } from "./diagnostic.js";
import { diagnostic } from "./registry.js";
import type { SourceText } from "./source.js";
import { LBrace, RBrace } from "./tokens.js";

export const MAX_NESTING = 64;

/**
 * `tokens` with the inside of every block nested deeper than MAX_NESTING left out (its braces
 * stay, so the block still closes where it did), each cut reported. The same array when
 * nothing is that deep, which is every real file.
 */
export function limitNesting(file: SourceText, tokens: IToken[], diagnostics: Diagnostic[]): IToken[] {
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (type === LBrace) {
      if (++depth > MAX_NESTING) return cutDeepBlocks(file, tokens, i, diagnostics);
    } else if (type === RBrace && depth > 0) depth--;
  }
  return tokens;
}

/** The slow path of limitNesting, from the first `{` that goes too deep, at `first`. */
function cutDeepBlocks(file: SourceText, tokens: IToken[], first: number, diagnostics: Diagnostic[]): IToken[] {
  const out = tokens.slice(0, first + 1);
  let depth = MAX_NESTING + 1;
  let i = first + 1;
  while (i < tokens.length) {
    // Inside a block one level too deep: skip to its closing brace (or the end).
    const from = i;
    let inner = 0;
    for (; i < tokens.length; i++) {
      const type = tokens[i]!.tokenType;
      if (type === LBrace) inner++;
      else if (type === RBrace && inner-- === 0) break;
    }
    if (i > from) {
      const last = tokens[i - 1]!;
      const span = { file, start: tokens[from]!.startOffset, end: last.startOffset + last.image.length };
      diagnostics.push(
        diagnostic(
          span,
          "syntax-error",
          `blocks nest more than ${MAX_NESTING} deep here; no keepalived block nests this deep, and kalint does not read what this block holds`,
        ),
      );
    }
    // Back at the allowed depth: copy until a `{` goes too deep again.
    for (; i < tokens.length; i++) {
      const token = tokens[i]!;
      out.push(token);
      if (token.tokenType === LBrace) {
        if (++depth > MAX_NESTING) {
          i++;
          break;
        }
      } else if (token.tokenType === RBrace && depth > 0) depth--;
    }
  }
  return out;
}
