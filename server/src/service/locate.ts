/**
 * Where an offset sits in the file as written: the enclosing blocks (as the keyword path the
 * schema is indexed by), the line node and the word under it. Hover and completion start here.
 */
import type { AnonymousBlock, Block, Node, Word } from "../../../grammar/index.js";
import type { AnalysedDocument } from "./document.js";
import { rawOf } from "./document.js";

export interface Place {
  /** Keywords of the enclosing keyword blocks, outermost first: the schema's block path. */
  readonly parents: readonly string[];
  /** The innermost block whose braces hold the offset. */
  readonly block: Block | undefined;
  /** True inside a block whose lines are data (addresses, track names, group members). */
  readonly inValueBlock: boolean;
  /** The line node the offset is on, if any. */
  readonly node: Node | undefined;
  readonly word: Word | undefined;
  /** For a word of a statement or block header: -1 for the keyword, else the argument index. */
  readonly argIndex: number | undefined;
}

const inside = (s: { start: number; end: number }, offset: number) => offset >= s.start && offset <= s.end;

function wordsOf(node: Node): readonly Word[] {
  switch (node.kind) {
    case "statement":
    case "block":
      return [node.keyword, ...node.args];
    case "value":
      return node.words;
    case "include":
      return [node.directive, ...(node.pattern ? [node.pattern] : []), ...node.extra];
    default:
      return [];
  }
}

function bodyHolds(b: Block | AnonymousBlock, offset: number): boolean {
  return offset >= b.open.end && (b.close === undefined || offset <= b.close.start);
}

export function locate(doc: AnalysedDocument, offset: number): Place {
  let parents: string[] = [];
  let block: Block | undefined;
  let inValueBlock = false;
  let children: readonly Node[] = rawOf(doc).children;
  for (;;) {
    let descended = false;
    for (const node of children) {
      if (node.start > offset) break;
      if (!inside(node, offset)) continue;
      if ((node.kind === "block" || node.kind === "anonymous-block") && bodyHolds(node, offset)) {
        if (node.kind === "block") {
          block = node;
          inValueBlock = node.valueBlock;
          parents = [...parents, node.keyword.text];
        }
        children = node.children;
        descended = true;
        break;
      }
      const words = wordsOf(node);
      const index = words.findIndex((w) => inside(w, offset));
      const word = index >= 0 ? words[index] : undefined;
      const header = node.kind === "statement" || node.kind === "block";
      return { parents, block, inValueBlock, node, word, argIndex: header && word ? index - 1 : undefined };
    }
    if (!descended) return { parents, block, inValueBlock, node: undefined, word: undefined, argIndex: undefined };
  }
}
