/**
 * Code actions: each diagnostic's fix as a quick fix, and the comment that silences a code for
 * one line or for the whole file (docs/usage.md, Suppression). A source action applies every safe fix.
 */
import type { CodeAction, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver-types";
import type { Diagnostic, SourceText, TextEdit as KalintEdit } from "../../../grammar/index.js";
import { documentDiagnostics, toLspDiagnostic } from "./diagnostics.js";
import { rawOf, rootOf, type AnalysedDocument } from "./document.js";
import { offsetOf, rangeIn, rangeOf } from "./positions.js";
import { commentStart } from "./symbols.js";

export const FIX_ALL_KIND = "source.fixAll.kalint";

export function codeActions(doc: AnalysedDocument, range: Range, only?: readonly string[]): CodeAction[] {
  const root = rootOf(doc);
  // A cursor is an empty range: offer what is wrong anywhere on its lines.
  const from = root.lineStarts[root.lineOf(offsetOf(root, range.start))]!;
  const to = root.lineEnd(root.lineOf(offsetOf(root, range.end)));
  const all = documentDiagnostics(doc);
  const wants = (kind: string) => !only || only.length === 0 || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const out: CodeAction[] = [];
  if (wants("quickfix")) {
    const hit = all.filter((d) => d.start <= to && d.end >= from);
    for (const d of hit) {
      if (!d.fix) continue;
      out.push({
        title: fixTitle(d),
        kind: "quickfix",
        diagnostics: [toLspDiagnostic(d, doc.uriOf)],
        ...(d.fix.safe ? { isPreferred: true } : {}),
        edit: workspaceEdit(doc, d.fix.edits),
      });
    }
    const seen = new Set<string>();
    for (const d of hit) {
      if (d.code === "unused-suppression" || seen.has(d.code)) continue;
      seen.add(d.code);
      const lsp = [toLspDiagnostic(d, doc.uriOf)];
      out.push({
        title: `Disable ${d.code} for this line`,
        kind: "quickfix",
        diagnostics: lsp,
        edit: { changes: { [doc.uri]: [disableLine(root, d)] } },
      });
      out.push({
        title: `Disable ${d.code} for this file`,
        kind: "quickfix",
        diagnostics: lsp,
        edit: { changes: { [doc.uri]: [disableFile(doc, d.code)] } },
      });
    }
  }
  if (wants(FIX_ALL_KIND)) {
    const safe = safeEdits(all);
    if (safe.length > 0) out.push({ title: "Apply every safe kalint fix", kind: FIX_ALL_KIND, edit: workspaceEdit(doc, safe) });
  }
  return out;
}

function fixTitle(d: Diagnostic): string {
  const text = d.fix!.description;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function workspaceEdit(doc: AnalysedDocument, edits: readonly KalintEdit[]): WorkspaceEdit {
  const changes: Record<string, TextEdit[]> = {};
  for (const e of edits) (changes[doc.uriOf(e.file.path)] ??= []).push({ range: rangeOf(e), newText: e.newText });
  return { changes };
}

/** Safe fixes whose edits do not overlap one another, first come first kept. */
function safeEdits(all: readonly Diagnostic[]): KalintEdit[] {
  const taken: { path: string; start: number; end: number }[] = [];
  const out: KalintEdit[] = [];
  for (const d of all) {
    if (!d.fix?.safe) continue;
    const clash = d.fix.edits.some((e) => taken.some((t) => t.path === e.file.path && e.start < t.end && t.start < e.end));
    if (clash) continue;
    for (const e of d.fix.edits) {
      taken.push({ path: e.file.path, start: e.start, end: e.end });
      out.push(e);
    }
  }
  return out;
}

const DISABLE_LINE = /([#!]\s*kalint\s+disable-line\s*=\s*)([A-Za-z0-9_,\- ]*[A-Za-z0-9_-])/;

/**
 * `# kalint disable-line=CODE` at the end of the line; added to an existing one; or, when the
 * line already ends in another comment (which would swallow a second one), `# kalint disable=CODE`
 * on its own line above, which covers the statement that follows it.
 */
function disableLine(root: SourceText, d: Diagnostic): TextEdit {
  const line = root.lineOf(d.start);
  const lineStart = root.lineStarts[line]!;
  const text = root.lineText(line);
  const comment = commentStart(text);
  if (comment === text.length) {
    const end = lineStart + text.trimEnd().length;
    return { range: rangeIn(root, end, end), newText: ` # kalint disable-line=${d.code}` };
  }
  const existing = DISABLE_LINE.exec(text.slice(comment));
  if (existing) {
    const at = lineStart + comment + existing.index + existing[0].length;
    return { range: rangeIn(root, at, at), newText: `,${d.code}` };
  }
  const indent = /^[ \t]*/.exec(text)![0];
  return { range: rangeIn(root, lineStart, lineStart), newText: `${indent}# kalint disable=${d.code}\n` };
}

const DISABLE_FILE = /^([#!]\s*kalint\s+disable-file\s*=\s*)([A-Za-z0-9_,\- ]*[A-Za-z0-9_-])/;

function disableFile(doc: AnalysedDocument, code: string): TextEdit {
  const root = rootOf(doc);
  for (const c of rawOf(doc).comments) {
    const m = DISABLE_FILE.exec(c.text);
    if (m && c.file === root) {
      const at = c.start + m[0].length;
      return { range: rangeIn(root, at, at), newText: `,${code}` };
    }
  }
  return { range: rangeIn(root, 0, 0), newText: `# kalint disable-file=${code}\n` };
}
