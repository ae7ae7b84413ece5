/**
 * The edge between kalint's offsets and LSP positions. Offsets are UTF-16 code units, as LSP
 * counts by default, so a conversion is only a line-table lookup; out-of-range positions from a
 * client are clamped instead of trusted.
 */
import type { Position, Range } from "vscode-languageserver-types";
import type { Severity, SourceText, Span } from "../../../grammar/index.js";

export function offsetOf(source: SourceText, position: Position | undefined): number {
  if (!position) return 0;
  const line = Number.isFinite(position.line) ? Math.trunc(position.line) : 0;
  const character = Number.isFinite(position.character) ? Math.trunc(position.character) : 0;
  return source.offsetAt({ line, character });
}

export function rangeOf(span: Span): Range {
  return { start: span.file.positionAt(span.start), end: span.file.positionAt(span.end) };
}

export function rangeIn(source: SourceText, start: number, end: number): Range {
  return { start: source.positionAt(start), end: source.positionAt(end) };
}

export const within = (span: { start: number; end: number }, offset: number): boolean => offset >= span.start && offset <= span.end;

/** LSP DiagnosticSeverity numbers. */
export const LSP_SEVERITY: Readonly<Record<Severity, 1 | 2 | 3 | 4>> = { error: 1, warning: 2, info: 3, hint: 4 };

/** Spans are equal files by path: an include read by two analyses is two SourceText objects. */
export const sameFile = (a: SourceText, b: SourceText): boolean => a === b || a.path === b.path;
