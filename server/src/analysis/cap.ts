/**
 * Output bounded by finding count: after `max` findings of one code in one file, one summary
 * finding says how many more there are, so a file with a fault on every line gives a report a
 * person can read (and a CI log that stays small). The CLI's `--max-findings` and the language
 * server use it; a summary carries the count in `omitted`.
 */
import { CountedFindings, formatCount, type Diagnostic } from "../../../grammar/index.js";
import { sortDiagnostics } from "./analyze.js";

/**
 * `diagnostics` (sorted by file and position) with at most `max` of each code in each file;
 * `how` ends the summary's message, saying how to see more. `max` 0 or less keeps everything.
 */
export function capFindings(diagnostics: readonly Diagnostic[], max: number, how: string): Diagnostic[] {
  if (max <= 0) return [...diagnostics];
  const shown = new Map<string, number>();
  const hidden = new CountedFindings<string>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const key = `${d.file.path}\0${d.code}`;
    const n = shown.get(key) ?? 0;
    // A summary made during the analysis (findings only counted) always goes into ours.
    if (n < max && d.omitted === undefined) {
      shown.set(key, n + 1);
      out.push(d);
    } else hidden.add(d.file.path, d);
  }
  if (hidden.size === 0) return out;
  for (const d of hidden.summaries(
    (first, count) =>
      `${formatCount(count)} more ${first.code} finding${count === 1 ? "" : "s"} in this file ${count === 1 ? "is" : "are"} not shown (${how})`,
  ))
    out.push(d);
  return sortDiagnostics(out);
}
