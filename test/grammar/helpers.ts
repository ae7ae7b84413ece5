/** Small readers that turn grammar output into plain data a test can compare. */
import { parse, SourceText, spanText, type ConfigFile, type Diagnostic, type Node, type Span } from "../../grammar/index.js";

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
