/** `--format json`, version 1 (docs/usage.md, Output). */
import type { Diagnostic } from "../../../../grammar/index.js";
import { VERSION } from "../../version.js";
import { lineColumns, summary, type Report } from "./report.js";

export function diagnosticJson(d: Diagnostic) {
  return {
    file: d.file.path,
    ...lineColumns(d),
    severity: d.severity,
    code: d.code,
    message: d.message,
    ...(d.node !== undefined ? { node: d.node } : {}),
    ...(d.related?.length
      ? {
          related: d.related.map((r) => ({
            file: r.file.path,
            line: lineColumns(r).line,
            column: lineColumns(r).column,
            message: r.message,
          })),
        }
      : {}),
    ...(d.fix
      ? {
          fix: {
            description: d.fix.description,
            edits: d.fix.edits.map((e) => ({ ...(e.file !== d.file ? { file: e.file.path } : {}), ...lineColumns(e), newText: e.newText })),
          },
        }
      : {}),
    ...(d.omitted !== undefined ? { omitted: d.omitted } : {}),
  };
}

export function renderJson(report: Report): string {
  const s = summary(report.diagnostics);
  return JSON.stringify(
    {
      version: 1,
      tool: { name: "kalint", version: VERSION },
      files: report.files,
      diagnostics: report.diagnostics.map(diagnosticJson),
      ...(report.differences ? { differences: report.differences } : {}),
      ...(report.clusters ? { clusters: report.clusters } : {}),
      summary: { errors: s.errors, warnings: s.warnings, infos: s.infos },
    },
    null,
    2,
  );
}
