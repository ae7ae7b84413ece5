/**
 * Named things the cursor can stand on, and every place each is written: objects other blocks
 * refer to (vrrp_script, track_process, track_file, instances, sync groups, virtual_server
 * groups, ...), `$VAR` parameters, and include patterns. Definition, references, rename and
 * hover all start from `symbolAt`.
 */
import type { Definition, IncludeLink, Node, SourceText, Span } from "../../../grammar/index.js";
import { writtenAs } from "../../../grammar/index.js";
import { findReferences } from "../../../grammar/parameters.js";
import type { DefinitionKind } from "../model/types.js";
import { rawOf, rawTrees, rootOf, type AnalysedDocument } from "./document.js";
import { sameFile, within } from "./positions.js";

export type Symbol =
  | { readonly kind: "object"; readonly type: DefinitionKind; readonly name: string; readonly span: Span }
  | { readonly kind: "variable"; readonly name: string; readonly span: Span }
  | { readonly kind: "include"; readonly link: IncludeLink; readonly span: Span };

export interface Occurrence {
  readonly span: Span;
  /** The place that defines the name (a block's name word, a `$NAME=` line). */
  readonly declaration: boolean;
}

export function symbolAt(doc: AnalysedDocument, offset: number): Symbol | undefined {
  const root = rootOf(doc);
  const { model, config } = doc.analysis;
  for (const d of model.definitions) {
    const w = d.nameWord;
    if (w && sameFile(w.file, root) && within(w, offset) && writtenAs(w)) return { kind: "object", type: d.kind, name: d.name, span: w };
  }
  for (const r of model.references) {
    const w = r.word;
    if (sameFile(w.file, root) && within(w, offset) && writtenAs(w)) return { kind: "object", type: r.kind, name: r.name, span: w };
  }
  for (const link of config.includes) {
    if (sameFile(link.pattern.file, root) && within(link.pattern, offset)) return { kind: "include", link, span: link.pattern };
  }
  return variableAt(doc, root, offset);
}

function variableAt(doc: AnalysedDocument, root: SourceText, offset: number): Symbol | undefined {
  const line = root.lineOf(offset);
  const lineStart = root.lineStarts[line]!;
  const text = root.lineText(line);
  const limit = commentStart(text);
  for (const ref of findReferences(text.slice(0, limit))) {
    const start = lineStart + ref.from;
    if (offset >= start && offset <= lineStart + ref.to)
      return { kind: "variable", name: ref.name, span: { file: root, start, end: lineStart + ref.to } };
  }
  // On a `$NAME=` line: the name, or the `$` before it.
  const def = parameterDefinitions(rawOf(doc).children).find((d) => offset >= d.nameSpan.start - 1 && offset <= d.nameSpan.end);
  return def ? { kind: "variable", name: def.name, span: def.nameSpan } : undefined;
}

/** The `$NAME=` definitions among `nodes` (inside blocks too), in file order: the tree's, not a second reading of the text. */
export function parameterDefinitions(nodes: readonly Node[], out: Definition[] = []): Definition[] {
  for (const n of nodes) {
    if (n.kind === "definition") out.push(n);
    else if (n.kind === "block" || n.kind === "anonymous-block") parameterDefinitions(n.children, out);
  }
  return out;
}

/** Where a comment starts on a line: the first unquoted, unescaped `#` or `!`. */
export function commentStart(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34 /* " */) quoted = !quoted;
    else if (!quoted && (c === 35 || c === 33)) return i;
  }
  return text.length;
}

/** Every place the symbol is written, in every file the analysis read. */
export function occurrences(doc: AnalysedDocument, symbol: Symbol): Occurrence[] {
  const { model } = doc.analysis;
  if (symbol.kind === "include") return [{ span: symbol.span, declaration: false }];
  if (symbol.kind === "object") {
    const out: Occurrence[] = [];
    for (const d of model.definitions) {
      if (d.kind === symbol.type && d.name === symbol.name && d.nameWord && writtenAs(d.nameWord))
        out.push({ span: d.nameWord, declaration: true });
    }
    for (const r of model.references) {
      if (r.kind === symbol.type && r.name === symbol.name && writtenAs(r.word)) out.push({ span: r.word, declaration: false });
    }
    return dedupe(out);
  }
  const out: Occurrence[] = [];
  for (const tree of rawTrees(doc)) {
    const file = tree.source;
    if (!file.text.includes("$")) continue;
    const inFile: Occurrence[] = [];
    for (const def of parameterDefinitions(tree.children))
      if (def.name === symbol.name) inFile.push({ span: def.nameSpan, declaration: true });
    const starts = file.lineStarts;
    for (let line = 0; line < starts.length; line++) {
      const text = file.lineText(line);
      if (!text.includes("$")) continue;
      for (const ref of findReferences(text.slice(0, commentStart(text)))) {
        if (ref.name !== symbol.name) continue;
        // Rename touches only the name inside `$NAME` / `${NAME ...}`.
        const nameAt = text.indexOf(ref.name, ref.from);
        inFile.push({ span: { file, start: starts[line]! + nameAt, end: starts[line]! + nameAt + ref.name.length }, declaration: false });
      }
    }
    out.push(...inFile.sort((a, b) => a.span.start - b.span.start));
  }
  return out;
}

function dedupe(list: Occurrence[]): Occurrence[] {
  const seen = new Set<string>();
  return list.filter((o) => {
    const key = `${o.span.file.path}\0${o.span.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The words that define the symbol. */
export function declarations(doc: AnalysedDocument, symbol: Symbol): Span[] {
  return occurrences(doc, symbol)
    .filter((o) => o.declaration)
    .map((o) => o.span);
}
