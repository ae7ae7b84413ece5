/**
 * The `kalint diff --format json` report (docs/usage.md: Output, Cluster analysis) as the compare command shows it: one
 * entry per finding and per structural difference. No vscode import, so it is unit-tested.
 */

export interface ReportDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: "error" | "warning" | "info";
  readonly code: string;
  readonly message: string;
}

export interface ReportDifference {
  readonly path: string;
  readonly master: string | null;
  readonly backup: string | null;
  readonly expected: boolean;
}

export interface DiffReport {
  readonly files: readonly string[];
  readonly diagnostics: readonly ReportDiagnostic[];
  readonly differences: readonly ReportDifference[];
  readonly summary: { readonly errors: number; readonly warnings: number; readonly infos: number };
}

/** One row of the result list; `file`/`line` are set when choosing it should open a location. */
export interface CompareEntry {
  readonly label: string;
  readonly description: string;
  readonly detail?: string;
  readonly file?: string;
  /** 1-based, as in the report. */
  readonly line?: number;
  readonly column?: number;
}

/** Reads the CLI's stdout; throws with a readable message when it is not a version 1 report. */
export function parseDiffReport(stdout: string): DiffReport {
  let data: unknown;
  try {
    data = JSON.parse(stdout);
  } catch {
    throw new Error(`kalint diff did not print JSON: ${stdout.slice(0, 200)}`);
  }
  const r = data as Partial<DiffReport> & { version?: number };
  if (r.version !== 1 || !Array.isArray(r.diagnostics)) throw new Error("kalint diff printed an unexpected report (not version 1)");
  return {
    files: r.files ?? [],
    diagnostics: r.diagnostics,
    differences: r.differences ?? [],
    summary: r.summary ?? { errors: 0, warnings: 0, infos: 0 },
  };
}

const ICON = { error: "$(error)", warning: "$(warning)", info: "$(info)" } as const;
const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);
const shown = (v: string | null) => (v === null ? "(absent)" : v);

/**
 * Findings first (errors, then warnings, then infos; cluster findings are what the user came
 * for), then the differences that are not expected between nodes, then the expected ones.
 */
export function compareEntries(report: DiffReport): CompareEntry[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  const findings = [...report.diagnostics]
    .sort((a, b) => rank[a.severity] - rank[b.severity])
    .map<CompareEntry>((d) => ({
      label: `${ICON[d.severity]} ${d.code}`,
      description: `${basename(d.file)}:${d.line}`,
      detail: d.message,
      file: d.file,
      line: d.line,
      column: d.column,
    }));
  const differences = [...report.differences]
    .sort((a, b) => Number(a.expected) - Number(b.expected))
    .map<CompareEntry>((d) => ({
      label: `${d.expected ? "$(diff-modified)" : "$(diff)"} ${d.path}`,
      description: `${shown(d.master)} → ${shown(d.backup)}`,
      detail: d.expected ? "expected to differ between nodes" : undefined,
    }));
  return [...findings, ...differences];
}

/** A plain-text summary for the output channel. */
export function compareText(report: DiffReport, a: string, b: string): string {
  const s = report.summary;
  const lines = [`kalint diff ${a} ${b}: ${s.errors} error(s), ${s.warnings} warning(s), ${s.infos} info(s)`];
  for (const d of report.diagnostics) lines.push(`  ${d.file}:${d.line}:${d.column}: ${d.severity} [${d.code}] ${d.message}`);
  const unexpected = report.differences.filter((d) => !d.expected);
  lines.push(`  ${report.differences.length} structural difference(s), ${unexpected.length} not expected between nodes`);
  for (const d of report.differences) lines.push(`  ${d.expected ? " " : "!"} ${d.path}: ${shown(d.master)} → ${shown(d.backup)}`);
  return lines.join("\n");
}
