import type { Block, Node } from "../../../grammar/index.js";
import { isOpenBlock } from "../model/template.js";
import { removeLines } from "./edits.js";
import type { FileRule, Report } from "./types.js";

/** Value blocks keepalived reports when they hold no entry (and then ignores), by the block they sit in. */
const WATCHED: readonly { readonly parent: string; readonly block: string; readonly effect: string; readonly removable: boolean }[] = [
  {
    parent: "global_defs",
    block: "notification_email",
    effect: "no mail is sent, which an absent block says just as well",
    removable: true,
  },
  { parent: "garp_group", block: "interfaces", effect: "the garp_group applies to no interface", removable: false },
];

const isEntry = (n: Node): boolean => n.kind === "value" || n.kind === "statement";

export const emptyBlock: FileRule = {
  code: "empty-block",
  check({ model }, report) {
    for (const top of model.file.children) {
      if (top.kind !== "block") continue;
      for (const w of WATCHED) {
        if (top.keyword.text !== w.parent) continue;
        for (const child of top.children)
          if (child.kind === "block" && child.keyword.text === w.block && !child.children.some(isEntry) && !isOpenBlock(model.file, child))
            emptyFound(child, w, report);
      }
    }
  },
};

function emptyFound(block: Block, watched: (typeof WATCHED)[number], report: Report): void {
  const fix = watched.removable ? removeLines(block, `remove the empty ${watched.block} block`, true) : undefined;
  report({
    at: block.keyword,
    message: `${watched.parent} > ${watched.block} is empty: ${watched.effect}, but keepalived -t reports it as a configuration error (exit status 5)`,
    ...(fix ? { fix } : {}),
  });
}
