/** Small readers that turn grammar output into plain data a test can compare. */
import { lex, parse, SourceText, spanText, type ConfigFile, type Diagnostic, type Node, type Span } from "../../grammar/index.js";

export function parseText(text: string, path = "/etc/keepalived/keepalived.conf"): ConfigFile {
  return parse(new SourceText(path, text));
}

/** A node as nested arrays: statements as their words, blocks as `{ keyword: [args, ...children] }`. */
export type Shape = string[] | { readonly [keyword: string]: Shape[] } | { readonly value: string[] } | { readonly def: string };

export function shape(node: Node): Shape {
  switch (node.kind) {
    case "statement":
      return [node.keyword.text, ...node.args.map((w) => w.text)];
    case "value":
      return { value: node.words.map((w) => w.text) };
    case "block":
      return { [[node.keyword.text, ...node.args.map((w) => w.text)].join(" ")]: node.children.map(shape) };
    case "anonymous-block":
      return { "{}": node.children.map(shape) };
    case "definition":
      return { def: `${node.name}=${node.value}` };
    case "include":
      return [node.directive.text, ...(node.pattern ? [node.pattern.text] : []), ...node.extra.map((w) => w.text)];
  }
}

export function shapes(file: ConfigFile): Shape[] {
  return file.children.map(shape);
}

/** Where a diagnostic sits, 1-based as a user reads it, with the text it covers. */
export function located(d: Diagnostic): { code: string; file: string; line: number; column: number; text: string } {
  const p = d.file.positionAt(d.start);
  return { code: d.code, file: d.file.path, line: p.line + 1, column: p.character + 1, text: spanText(d) };
}

/** The 1-based line and the text of a span in its own file. */
export function where(span: Span): { file: string; line: number; text: string } {
  return { file: span.file.path, line: span.file.lineOf(span.start) + 1, text: spanText(span) };
}

/** Every node of a tree, depth first. */
export function* walk(nodes: readonly Node[]): Generator<Node> {
  for (const n of nodes) {
    yield n;
    if (n.kind === "block" || n.kind === "anonymous-block") yield* walk(n.children);
  }
}

/** One piece of a file: a token, a comment, or the blank trivia between them. */
export interface Piece {
  readonly kind: "token" | "comment" | "trivia";
  readonly start: number;
  readonly end: number;
}

/**
 * The whole text as consecutive pieces, for checking that the token stream is lossless (the
 * pieces' text joined is the file, byte for byte; the trivia is blank) and for cutting a file
 * into pieces that property tests delete, duplicate and insert.
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
