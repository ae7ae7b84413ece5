/**
 * How the validator turns a finding into a diagnostic: the code decides the default severity
 * (SPEC §4, as rules/builtin.ts lists it), so every module reports through these helpers.
 */
import type { Diagnostic, Fix, RelatedInformation, Severity, Span } from "../../../grammar/index.js";
import { BUILTIN_RULES } from "../rules/builtin.js";
import type { ValueProblem } from "./values.js";

export type SchemaCode =
  | "syntax-error"
  | "unknown-keyword"
  | "deprecated-keyword"
  | "removed-keyword"
  | "keyword-too-new"
  | "invalid-value"
  | "out-of-range"
  | "missing-argument"
  | "extra-argument"
  | "duplicate-keyword"
  | "route-not-tracked";

/** Default severities come from the rule table (rules/builtin.ts), the one place they are written. */
const SEVERITY: ReadonlyMap<string, Severity> = new Map(BUILTIN_RULES.map((r) => [r.code, r.severity]));

function severityOf(code: SchemaCode): Severity {
  const severity = SEVERITY.get(code);
  if (severity === undefined) throw new Error(`internal: ${code} is missing from rules/builtin.ts`);
  return severity;
}

export interface Extras {
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
}

/** Collects diagnostics for one validation run. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(at: Span, code: SchemaCode, message: string, extras: Extras = {}): void {
    this.diagnostics.push({
      file: at.file,
      start: at.start,
      end: at.end,
      code,
      severity: severityOf(code),
      message,
      ...(extras.related ? { related: extras.related } : {}),
      ...(extras.fix ? { fix: extras.fix } : {}),
    });
  }

  /** A value reader's verdict, prefixed with what the value was for. */
  problem(at: Span, problem: ValueProblem, what?: string): void {
    this.report(at, problem.code, what ? `${what}: ${problem.message}` : problem.message);
  }
}

/** The stretch from the first to the last of some spans (all in one file). */
export function cover(first: Span, last: Span): Span {
  return { file: first.file, start: first.start, end: last.end };
}
