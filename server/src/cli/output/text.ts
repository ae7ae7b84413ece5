/** Text output: `file:line:col: severity [code] message`, caret context on a terminal, a summary line. */
import type { Diagnostic, Severity } from "../../../../grammar/index.js";
import { isConfidential } from "../../analysis/disclosure.js";
import { lineColumns, summary, type Report } from "./report.js";

export interface TextOptions {
  /** ANSI colours (a terminal, and NO_COLOR not set). */
  readonly color: boolean;
  /** The source line with a caret under each finding (a terminal). */
  readonly context: boolean;
}

const COLORS: Record<Severity, string> = { error: "31", warning: "33", info: "36", hint: "90" };
const DIM = "90";

/** `text` in the ANSI colour `code` when `on`. */
export function paint(on: boolean, code: string, text: string): string {
  return on ? `\x1b[${code}m${text}\x1b[0m` : text;
}

// Columns count UTF-16 units, but a terminal draws code points: most take one cell, combining
// marks none, East Asian wide characters and emoji two. The caret is placed by cells; tabs are
// shown as one space so that they take one cell too.
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
function cells(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x300 && c <= 0x36f) || c === 0x200d || (c >= 0xfe00 && c <= 0xfe0f)) continue;
    n += WIDE.some(([lo, hi]) => c >= lo && c <= hi) ? 2 : 1;
  }
  return n;
}

function context(d: Diagnostic, color: boolean): string {
  const { line, column, endLine, endColumn } = lineColumns(d);
  const text = d.file.lineText(line - 1).replace(/\t/g, " ");
  const end = endLine === line ? endColumn - 1 : text.length;
  const pad = cells(text.slice(0, column - 1));
  const width = Math.max(1, cells(text.slice(column - 1, end)));
  const gutter = String(line).padStart(5);
  return `${paint(color, DIM, `${gutter} | `)}${text}\n${paint(color, DIM, `${" ".repeat(5)} | `)}${" ".repeat(pad)}${paint(color, COLORS[d.severity], "^".repeat(width))}`;
}

/** `file:line:col: severity [code] message`, the first line of a finding. */
export function diagnosticLine(d: Diagnostic, color: boolean): string {
  const { line, column } = lineColumns(d);
  return `${d.file.path}:${line}:${column}: ${paint(color, COLORS[d.severity], d.severity)} [${d.code}] ${d.node !== undefined ? `(${d.node}) ` : ""}${d.message}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export function renderText(report: Report, options: TextOptions): string {
  const out: string[] = [...(report.sections ?? [])];
  for (const d of report.diagnostics) {
    out.push(diagnosticLine(d, options.color));
    if (options.context && !isConfidential(d.file)) out.push(context(d, options.color));
    for (const r of d.related ?? []) {
      const p = lineColumns(r);
      out.push(`    ${paint(options.color, DIM, `${r.file.path}:${p.line}:${p.column}: ${r.message}`)}`);
    }
  }
  const s = summary(report.diagnostics);
  const parts = [plural(s.errors, "error"), plural(s.warnings, "warning"), `${s.infos} info`];
  if (report.fixed !== undefined) parts.push(`${report.fixed} fixed`);
  const line = `${plural(report.files.length, "file")} checked: ${parts.join(", ")}`;
  out.push(options.color ? paint(true, "1", line) : line);
  return out.join("\n");
}
