/**
 * Semantic tokens: what a TextMate grammar cannot know. Keywords (marked deprecated from the
 * schema of their block), names that define or refer to objects, `$VAR` parameters, enum
 * values, directives (`@id`, `~SEQ`, include) and comments.
 */
import type { SemanticTokens, SemanticTokensLegend } from "vscode-languageserver-types";
import type { Node, Word } from "../../../grammar/index.js";
import { isOpaque, writtenAs } from "../../../grammar/index.js";
import { findReferences } from "../../../grammar/parameters.js";
import type { DefinitionKind } from "../model/types.js";
import { keywordAt } from "../schema/lookup.js";
import { rawOf, rootOf, type AnalysedDocument } from "./document.js";
import { sameFile } from "./positions.js";

const TYPES = ["keyword", "variable", "string", "number", "comment", "macro", "enumMember", "function", "class"] as const;
const MODIFIERS = ["declaration", "deprecated", "controlFlow"] as const;
type TokenType = (typeof TYPES)[number];

export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: [...TYPES], tokenModifiers: [...MODIFIERS] };

const TYPE_INDEX = new Map<TokenType, number>(TYPES.map((t, i) => [t, i]));
const DECLARATION = 1;
const DEPRECATED = 2;
/** A template control tag (`{% if %}`, `{{ range }}`, `<% end %>`), as opposed to an expression. */
const CONTROL = 4;

/** Scripts and trackers read like functions; instances and groups like classes. */
const OBJECT_TYPE: Readonly<Record<DefinitionKind, TokenType>> = {
  vrrp_instance: "class",
  vrrp_sync_group: "class",
  virtual_server_group: "class",
  track_group: "class",
  vrrp_script: "function",
  vrrp_track_process: "function",
  vrrp_track_file: "function",
  bfd_instance: "function",
};

interface Token {
  readonly start: number;
  readonly length: number;
  readonly type: number;
  readonly modifiers: number;
}

export function semanticTokens(doc: AnalysedDocument): SemanticTokens {
  const root = rootOf(doc);
  const tokens: Token[] = [];
  const push = (start: number, length: number, type: TokenType, modifiers = 0) => {
    if (length > 0) tokens.push({ start, length, type: TYPE_INDEX.get(type)!, modifiers });
  };

  /** A span that may cross lines, as one token per line (tokens may not cross a line break). */
  const pushLines = (start: number, end: number, type: TokenType, modifiers = 0) => {
    for (let at = start; at < end;) {
      const lineEnd = root.lineEnd(root.lineOf(at));
      push(at, Math.min(end, lineEnd) - at, type, modifiers);
      const next = root.lineStarts[root.lineOf(at) + 1];
      if (next === undefined) break;
      at = next;
    }
  };

  const objects = new Map<number, { type: TokenType; declaration: boolean }>();
  const written = (w: Word) => sameFile(w.file, root) && writtenAs(w);
  for (const d of doc.analysis.model.definitions)
    if (d.nameWord && written(d.nameWord)) objects.set(d.nameWord.start, { type: OBJECT_TYPE[d.kind], declaration: true });
  for (const r of doc.analysis.model.references)
    if (written(r.word)) objects.set(r.word.start, { type: OBJECT_TYPE[r.kind], declaration: false });

  const word = (w: Word, enumValues?: readonly string[]) => {
    if (isOpaque(w.text)) return; // template output: its tags are tokens of their own below
    const object = objects.get(w.start);
    if (object) return push(w.start, w.end - w.start, object.type, object.declaration ? DECLARATION : 0);
    if (w.raw.includes("$")) {
      for (const ref of findReferences(w.raw)) push(w.start + ref.from, ref.to - ref.from, "variable");
      return;
    }
    if (w.quoted) return push(w.start, w.end - w.start, "string");
    if (/^-?\d+(\.\d+)?$/.test(w.text)) return push(w.start, w.end - w.start, "number");
    if (enumValues?.includes(w.text)) push(w.start, w.end - w.start, "enumMember");
  };

  const walk = (nodes: readonly Node[], parents: readonly string[]) => {
    for (const n of nodes) {
      if (n.condition) push(n.condition.start, n.condition.end - n.condition.start, "macro");
      for (const s of n.sequences ?? []) push(s.start, Math.min(s.end, root.lineEnd(root.lineOf(s.start))) - s.start, "macro");
      switch (n.kind) {
        case "statement":
        case "block": {
          if (isOpaque(n.keyword.text)) {
            n.args.forEach((a) => word(a));
            if (n.kind === "block") walk(n.children, parents);
            break;
          }
          const spec = keywordAt(parents, n.keyword.text);
          push(n.keyword.start, n.keyword.end - n.keyword.start, "keyword", spec?.deprecated ? DEPRECATED : 0);
          n.args.forEach((a, i) => {
            const arg = spec?.args?.[Math.min(i, spec.args.length - 1)];
            word(a, arg?.kind.type === "enum" ? arg.kind.values : undefined);
          });
          if (n.kind === "block") walk(n.children, n.valueBlock ? parents : [...parents, n.keyword.text]);
          break;
        }
        case "anonymous-block":
          walk(n.children, parents);
          break;
        case "value":
          for (const w of n.words) word(w);
          break;
        case "definition":
          push(n.nameSpan.start - 1, n.nameSpan.end - n.nameSpan.start + 1, "variable", DECLARATION);
          break;
        case "include":
          push(n.directive.start, n.directive.end - n.directive.start, "macro");
          if (n.pattern) word(n.pattern);
          break;
      }
    }
  };
  walk(rawOf(doc).children, []);
  for (const c of rawOf(doc).comments) if (sameFile(c.file, root)) push(c.start, c.end - c.start, "comment");
  // Template syntax, told apart from keepalived text: tags as macros, template comments as comments.
  for (const t of rawOf(doc).template?.tags ?? [])
    pushLines(t.start, t.end, t.kind === "comment" ? "comment" : "macro", t.kind === "statement" ? CONTROL : 0);

  tokens.sort((a, b) => a.start - b.start || b.type - a.type);
  const data: number[] = [];
  let prevLine = 0;
  let prevChar = 0;
  let prevEnd = -1;
  for (const t of tokens) {
    if (t.start < prevEnd) continue; // overlapping tokens are not allowed; keep the first
    const p = root.positionAt(t.start);
    // Tokens may not cross a line break.
    const length = Math.min(t.length, root.lineEnd(p.line) - t.start);
    if (length <= 0) continue;
    data.push(p.line - prevLine, p.line === prevLine ? p.character - prevChar : p.character, length, t.type, t.modifiers);
    prevLine = p.line;
    prevChar = p.character;
    prevEnd = t.start + length;
  }
  return { data };
}
