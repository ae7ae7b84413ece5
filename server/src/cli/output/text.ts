/** Text output: `file:line:col: severity [code] message`, caret context on a terminal, a summary line. */
import type { Diagnostic, Severity } from "../../../../grammar/index.js";
import { lineColumns, summary, type Report } from "./report.js";

const COLORS: Record<Severity, string> = { error: "31", warning: "33", info: "36", hint: "90" };

function paint(on: boolean, code: string, text: string): string {
  return on ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function context(d: Diagnostic, color: boolean): string {
  const { line, column, endLine, endColumn } = lineColumns(d);
  const text = d.file.lineText(line - 1).replace(/\t/g, " ");
  const width = Math.max(1, (endLine === line ? endColumn : text.length + 1) - column);
  const gutter = String(line).padStart(5);
  return `${paint(color, "90", `${gutter} | `)}${text}\n${paint(color, "90", `${" ".repeat(5)} | `)}${" ".repeat(column - 1)}${paint(color, COLORS[d.severity], "^".repeat(width))}`;
}

export function renderText(report: Report, options: { color: boolean; context: boolean }): string {
  const out: string[] = [...(report.sections ?? [])];
  for (const d of report.diagnostics) {
    const { line, column } = lineColumns(d);
    const sev = paint(options.color, COLORS[d.severity], d.severity);
    out.push(`${d.file.path}:${line}:${column}: ${sev} [${d.code}] ${d.message}`);
    if (options.context) out.push(context(d, options.color));
    for (const r of d.related ?? []) {
      const p = lineColumns(r);
      out.push(`    ${paint(options.color, "90", `${r.file.path}:${p.line}:${p.column}: ${r.message}`)}`);
    }
  }
  const s = summary(report.diagnostics);
  const files = report.files.length;
  const parts = [`${s.errors} error${s.errors === 1 ? "" : "s"}`, `${s.warnings} warning${s.warnings === 1 ? "" : "s"}`, `${s.infos} info`];
  out.push(`${files} file${files === 1 ? "" : "s"} checked: ${parts.join(", ")}`);
  return out.join("\n");
}
