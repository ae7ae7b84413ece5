/** What every output format renders: the files looked at, the diagnostics, and for diff the differences. */
import type { Diagnostic, Severity, Span, Substitution } from "../../../../grammar/index.js";
import type { Difference } from "../../cluster/differences.js";
import type { ClusterSummary } from "../../cluster/fleet.js";

export interface Report {
  readonly files: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly differences?: readonly Difference[];
  /** For fleet: each cluster found, its nodes and instances. */
  readonly clusters?: readonly ClusterSummary[];
  /** Extra text blocks printed before the findings in text output (diff tables, fleet summaries). */
  readonly sections?: readonly string[];
  /** For check --fix: how many findings were fixed in place (what remains is in diagnostics). */
  readonly fixed?: number;
  /** Values substitution put into the configurations read, for redaction. */
  readonly substituted?: readonly Substitution[];
}

/** 1-based line and UTF-16 column of a span's start and (exclusive) end, as docs/usage.md (Output) counts them. */
export function lineColumns(span: Span): { line: number; column: number; endLine: number; endColumn: number } {
  const s = span.file.positionAt(span.start);
  const e = span.file.positionAt(span.end);
  return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
}

export function summary(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number; infos: number; hints: number } {
  const count = (s: Severity) => diagnostics.filter((d) => d.severity === s).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info"), hints: count("hint") };
}
