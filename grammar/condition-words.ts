/**
 * Which `@word` tokens are conditions. keepalived takes one `@id` off the front of a line, then
 * reads the rest: a second `@word` right after it is the line's keyword, not another condition
 * (an `@id` after a `~SEQ` header is one again, since the header's body is read as a line of
 * its own). In the preprocessor's output every condition is already applied, so none is one.
 * The parser treats an `@word` token as a condition wherever a line may start; the words that
 * are not become plain words here, before it runs.
 */
import type { IToken } from "chevrotain";
import { lineBreakAfter } from "./lexer.js";
import { AtWord, Word } from "./tokens.js";

/** `tokens`, or a copy with the `@word` tokens that are no condition made plain words. */
export function conditionWords(text: string, tokens: IToken[], effective: boolean): IToken[] {
  let out: IToken[] | undefined;
  let previous: IToken | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (
      token.tokenType === AtWord &&
      (effective || (previous?.tokenType === AtWord && !lineBreakAfter(text, previous, token.startOffset)))
    ) {
      out ??= tokens.slice();
      out[i] = { ...token, tokenType: Word, tokenTypeIdx: Word.tokenTypeIdx! };
    }
    // The token as lexed, so in a run `@a @b @c` every word after the first is plain.
    previous = token;
  }
  return out ?? tokens;
}
