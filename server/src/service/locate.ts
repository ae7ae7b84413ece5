/**
 * Where an offset sits in the file as written: the enclosing blocks (as the keyword path the
 * schema is indexed by), the line node and the word under it. Hover and completion start here.
 */
import type { AnonymousBlock, Block, Node, Word } from "../../../grammar/index.js";
import type { AnalysedDocument } from "./document.js";
import { rawOf } from "./document.js";
import { within } from "./positions.js";

export interface Place {
  /** Keywords of the enclosing keyword blocks, outermost first: the schema's block path. */
  readonly parents: readonly string[];
  /** The innermost block whose braces hold the offset (its `valueBlock` says whether its lines are data). */
  readonly block: Block | undefined;
  /** The line node the offset is on, if any. */
  readonly node: Node | undefined;
  readonly word: Word | undefined;
}

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
  let children: readonly Node[] = rawOf(doc).children;
  for (;;) {
    let descended = false;
    for (const node of children) {
      if (node.start > offset) break;
      if (!within(node, offset)) continue;
      if ((node.kind === "block" || node.kind === "anonymous-block") && bodyHolds(node, offset)) {
        if (node.kind === "block") {
          block = node;
          parents = [...parents, node.keyword.text];
        }
        children = node.children;
        descended = true;
        break;
      }
      return { parents, block, node, word: wordsOf(node).find((w) => within(w, offset)) };
    }
    if (!descended) return { parents, block, node: undefined, word: undefined };
  }
}
