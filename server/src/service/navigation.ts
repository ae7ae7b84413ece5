/**
 * Go to definition, find references and rename over the symbols of `symbols.ts`. Include
 * patterns lead to the files they read; `$VAR` and named objects to their definitions, in
 * whichever file of the configuration holds them.
 */
import type { Location, Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import { isParameterName } from "../../../grammar/parameters.js";
import { rootOf, type AnalysedDocument } from "./document.js";
import { offsetOf, rangeOf } from "./positions.js";
import { declarations, occurrences, symbolAt } from "./symbols.js";

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function definition(doc: AnalysedDocument, position: Position): Location[] {
  const symbol = symbolAt(doc, offsetOf(rootOf(doc), position));
  if (!symbol) return [];
  if (symbol.kind === "include") return symbol.link.files.map((f) => ({ uri: doc.uriOf(f), range: START }));
  return declarations(doc, symbol).map((span) => ({ uri: doc.uriOf(span.file.path), range: rangeOf(span) }));
}

export function references(doc: AnalysedDocument, position: Position, includeDeclaration = true): Location[] {
  const symbol = symbolAt(doc, offsetOf(rootOf(doc), position));
  if (!symbol || symbol.kind === "include") return [];
  return occurrences(doc, symbol)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => ({ uri: doc.uriOf(o.span.file.path), range: rangeOf(o.span) }));
}

/** The range and current name to rename, or null where nothing can be renamed. */
export function prepareRename(doc: AnalysedDocument, position: Position): { range: Range; placeholder: string } | null {
  const symbol = symbolAt(doc, offsetOf(rootOf(doc), position));
  if (!symbol || symbol.kind === "include") return null;
  if (symbol.kind === "variable") {
    const span = occurrences(doc, symbol).find(
      (o) => o.span.file === symbol.span.file && o.span.start >= symbol.span.start && o.span.end <= symbol.span.end,
    )?.span;
    return { range: rangeOf(span ?? symbol.span), placeholder: symbol.name };
  }
  return { range: rangeOf(symbol.span), placeholder: symbol.name };
}

export class RenameError extends Error {}

/** Keepalived reads names as single words; a `$VAR` name is letters, digits and `_`. */
function checkName(kind: "variable" | "object", name: string): void {
  if (kind === "variable" && !isParameterName(name))
    throw new RenameError(`'${name}' is not a parameter name (letters, digits and _, not starting with a digit)`);
  if (kind === "object" && !/^[^\s{}"#!$]+$/.test(name))
    throw new RenameError(`'${name}' cannot be a name: it must be one word without braces, quotes, # or !`);
}

/** The edits that rename the symbol everywhere; throws RenameError for a name keepalived cannot read. */
export function rename(doc: AnalysedDocument, position: Position, newName: string): WorkspaceEdit | null {
  const symbol = symbolAt(doc, offsetOf(rootOf(doc), position));
  if (!symbol || symbol.kind === "include") return null;
  checkName(symbol.kind, newName);
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrences(doc, symbol))
    (changes[doc.uriOf(o.span.file.path)] ??= []).push({ range: rangeOf(o.span), newText: newName });
  return { changes };
}
