/** Folding ranges: every block spanning lines, runs of comment lines, multi-line `$VAR` values. */
import type { FoldingRange } from "vscode-languageserver-types";
import type { Node, TemplateConstruct } from "../../../grammar/index.js";
import { rawOf, rootOf, type AnalysedDocument } from "./document.js";

export function foldingRanges(doc: AnalysedDocument): FoldingRange[] {
  const root = rootOf(doc);
  const out: FoldingRange[] = [];
  const line = (offset: number) => root.lineOf(offset);
  const walk = (nodes: readonly Node[]) => {
    for (const n of nodes) {
      if (n.kind === "block" || n.kind === "anonymous-block") {
        const start = line(n.start);
        // Keep the closing brace visible: fold up to the line before it.
        const end = n.close ? line(n.close.start) - 1 : line(n.end);
        if (end > start) out.push({ startLine: start, endLine: end });
        walk(n.children);
      } else if (n.kind === "definition" && n.multiline) {
        const start = line(n.start);
        const end = line(n.end);
        if (end > start) out.push({ startLine: start, endLine: end });
      }
    }
  };
  walk(rawOf(doc).children);
  // Template constructs fold from each branch's tag to the line before the next tag.
  const constructs = (list: readonly TemplateConstruct[]) => {
    for (const c of list) {
      for (const b of c.branches) {
        const start = line(b.tag.start);
        const next = c.tags[c.tags.indexOf(b.tag) + 1];
        const end = next ? line(next.start) - 1 : line(b.end);
        if (end > start) out.push({ startLine: start, endLine: end });
        constructs(b.children);
      }
    }
  };
  constructs(rawOf(doc).template?.roots ?? []);
  let runStart = -1;
  let last = -2;
  for (const c of rawOf(doc).comments) {
    const l = line(c.start);
    const alone = root.text.slice(root.lineStarts[l]!, c.start).trim() === "";
    if (!alone) continue;
    if (l !== last + 1) {
      if (runStart >= 0 && last > runStart) out.push({ startLine: runStart, endLine: last, kind: "comment" });
      runStart = l;
    }
    last = l;
  }
  if (runStart >= 0 && last > runStart) out.push({ startLine: runStart, endLine: last, kind: "comment" });
  return out.sort((a, b) => a.startLine - b.startLine);
}
