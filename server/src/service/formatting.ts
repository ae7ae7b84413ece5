/**
 * Document formatting is `kalint fmt`: the same function, so the editor and the CLI never
 * disagree. Only the changed middle of the file is replaced, which keeps the cursor and marks
 * of untouched lines where they were.
 */
import type { TextEdit } from "vscode-languageserver-types";
import type { Diagnostic } from "../../../grammar/index.js";
import { formatDocument } from "../format/index.js";
import { rootOf, type AnalysedDocument } from "./document.js";
import { rangeIn } from "./positions.js";

export type FormattingResult = { readonly edits: TextEdit[] } | { readonly refused: readonly Diagnostic[] } | { readonly template: string };

export function formatting(doc: AnalysedDocument): FormattingResult {
  const root = rootOf(doc);
  // A template's layout is its author's (docs/templates.md), as `kalint fmt` says.
  const engine = doc.analysis.config.raw.template?.engine;
  if (engine) return { template: engine };
  const result = formatDocument(root.text, doc.path);
  if (!result.ok) return { refused: result.diagnostics };
  return { edits: minimalEdit(root.text, result.text, root) };
}

function minimalEdit(before: string, after: string, root: ReturnType<typeof rootOf>): TextEdit[] {
  if (before === after) return [];
  let head = 0;
  const max = Math.min(before.length, after.length);
  while (head < max && before.charCodeAt(head) === after.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < max - head && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  // Never split a CRLF pair or a surrogate pair between the kept and the replaced text.
  while (head > 0 && /[\r\uD800-\uDBFF]/.test(before[head - 1]!)) head--;
  while (tail > 0 && /[\n\uDC00-\uDFFF]/.test(before[before.length - tail]!)) tail--;
  return [{ range: rangeIn(root, head, before.length - tail), newText: after.slice(head, after.length - tail) }];
}
