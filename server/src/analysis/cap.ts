/**
 * Output bounded by finding count: after `max` findings of one code in one file, one summary
 * finding says how many more there are, so a file with a fault on every line gives a report a
 * person can read (and a CI log that stays small). The CLI's `--max-findings` and the language
 * server use it; a summary carries the count in `omitted`.
 */
import { severityRank, type Diagnostic } from "../../../grammar/index.js";
import { sortDiagnostics } from "./analyze.js";

/**
 * `diagnostics` (sorted by file and position) with at most `max` of each code in each file;
 * `how` ends the summary's message, saying how to see more. `max` 0 or less keeps everything.
 */
export function capFindings(diagnostics: readonly Diagnostic[], max: number, how: string): Diagnostic[] {
  if (max <= 0) return [...diagnostics];
  const shown = new Map<string, number>();
  const hidden = new Map<string, { first: Diagnostic; count: number; severity: Diagnostic["severity"] }>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file.path}\0${d.code}`;
    const n = shown.get(key) ?? 0;
    // A summary made during the analysis (findings only counted) always goes into ours.
    if (n < max && d.omitted === undefined) {
      shown.set(key, n + 1);
      out.push(d);
      continue;
    }
    const count = d.omitted ?? 1;
    const h = hidden.get(key);
    if (!h) hidden.set(key, { first: d, count, severity: d.severity });
    else {
      h.count += count;
      if (severityRank[d.severity] > severityRank[h.severity]) h.severity = d.severity;
    }
  }
  if (hidden.size === 0) return out;
  for (const { first, count, severity } of hidden.values()) {
    out.push({
      file: first.file, start: first.start, end: first.end, code: first.code, severity,
      message: `${count.toLocaleString("en-US")} more ${first.code} finding${count === 1 ? "" : "s"} in this file ${count === 1 ? "is" : "are"} not shown (${how})`,
      omitted: count,
    });
  }
  return sortDiagnostics(out);
}
