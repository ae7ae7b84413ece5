/**
 * Hover: a keyword's documentation with its syntax, allowed values, range, version and
 * deprecation (schema/describe.ts, the text `kalint explain` prints); the value of a `$VAR`;
 * the block behind a track_script (or any other) name; the files an include pattern reads.
 */
import type { Hover } from "vscode-languageserver-types";
import type { Span } from "../../../grammar/index.js";
import { BUILTIN_NAMES } from "../../../grammar/parameters.js";
import { isOpaque } from "../../../grammar/index.js";
import { insideTemplateTag } from "./template-tags.js";
import { describeKeyword, describeRemoved } from "../schema/describe.js";
import { keywordAt, placesOf, removedKeyword } from "../schema/lookup.js";
import { rawTrees, rootOf, type AnalysedDocument } from "./document.js";
import { locate } from "./locate.js";
import { offsetOf, rangeOf } from "./positions.js";
import { declarations, occurrences, parameterDefinitions, symbolAt, type Symbol } from "./symbols.js";
import type { Position } from "vscode-languageserver-types";

const EXCERPT_LINES = 12;

export function hover(doc: AnalysedDocument, position: Position): Hover | null {
  const offset = offsetOf(rootOf(doc), position);
  const symbol = symbolAt(doc, offset);
  if (symbol) return { contents: { kind: "markdown", value: describeSymbol(doc, symbol, offset) }, range: rangeOf(symbol.span) };
  const place = locate(doc, offset);
  const node = place.node;
  if (!place.word || !node || (node.kind !== "statement" && node.kind !== "block")) return null;
  // Template output: nothing to say about a keyword an expression writes, nor inside a tag.
  if (isOpaque(node.keyword.text) || insideTemplateTag(doc, offset)) return null;
  const keyword = node.keyword;
  const spec = keywordAt(place.parents, keyword.text);
  const value = spec ? describeKeyword(spec) : describeUnknown(keyword.text, place.parents);
  if (!value) return null;
  return { contents: { kind: "markdown", value }, range: rangeOf(place.word) };
}

function describeUnknown(name: string, parents: readonly string[]): string | undefined {
  const removed = removedKeyword(name);
  if (removed) return describeRemoved(removed);
  const places = placesOf(name);
  if (places.length === 0) return undefined;
  const here = parents.length ? `\`${parents.join(" > ")}\`` : "the top level";
  const list = places.map((p) => (p.length ? `\`${p.join(" > ")}\`` : "the top level")).join(", ");
  return `**${name}** is not a keyword of ${here}; keepalived reads it in ${list}.`;
}

function describeSymbol(doc: AnalysedDocument, symbol: Symbol, offset: number): string {
  if (symbol.kind === "include") {
    const files = symbol.link.files;
    if (files.length === 0)
      return `Include pattern \`${symbol.span.file.text.slice(symbol.span.start, symbol.span.end)}\` matches no file.`;
    return `Includes ${files.length} file${files.length === 1 ? "" : "s"}:\n\n${files.map((f) => `- \`${f}\``).join("\n")}`;
  }
  if (symbol.kind === "variable") return describeVariable(doc, symbol.name, offset);
  const defs = declarations(doc, symbol);
  const uses = occurrences(doc, symbol).filter((o) => !o.declaration).length;
  const title = `**${symbol.type} ${symbol.name}** · referenced ${uses} time${uses === 1 ? "" : "s"}`;
  if (defs.length === 0) return `${title}\n\nNot defined in this configuration.`;
  const def = doc.analysis.model.definitions.find((d) => d.kind === symbol.type && d.name === symbol.name && d.nameWord === defs[0]);
  const parts = [title];
  for (const span of defs.slice(0, 2)) parts.push(`Defined at ${placeName(doc, span)}`);
  if (def) parts.push("```\n" + excerpt(def.node) + "\n```");
  return parts.join("\n\n");
}

function placeName(doc: AnalysedDocument, span: Span): string {
  const line = span.file.positionAt(span.start).line + 1;
  return span.file.path === doc.path ? `line ${line}` : `${span.file.path}:${line}`;
}

/** The block as written, cut after a few lines. */
function excerpt(node: Span): string {
  const text = node.file.text.slice(node.start, node.end);
  const lines = text.split(/\r?\n/);
  return lines.length > EXCERPT_LINES ? [...lines.slice(0, EXCERPT_LINES), "    ..."].join("\n") : text;
}

function describeVariable(doc: AnalysedDocument, name: string, offset: number): string {
  const root = rootOf(doc);
  // Definitions are read in order: the value in effect here is the last one written before it.
  const defs = rawTrees(doc)
    .flatMap((tree) => parameterDefinitions(tree.children))
    .filter((d) => d.name === name);
  const before = defs.filter((d) => d.file !== root || d.start < offset);
  const def = before[before.length - 1] ?? defs[0];
  const known = doc.analysis.config.parameters.get(name);
  if (def) return `**$${name}** = \`${def.value.replace(/`/g, "'")}\`\n\nDefined at ${placeName(doc, def.nameSpan)}`;
  if (known) return `**$${name}** = \`${known.value.replace(/`/g, "'")}\``;
  if (BUILTIN_NAMES.has(name)) return `**$${name}**: a keepalived built-in parameter, filled in when the configuration is read.`;
  return `**$${name}** is not defined; keepalived keeps the text as written.`;
}
