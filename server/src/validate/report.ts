/**
 * How the validator turns a finding into a diagnostic: the code decides the default severity
 * (the registry, grammar/registry.ts), so every module reports through these helpers.
 */
import { diagnostic, type Code, type Diagnostic, type Fix, type RelatedInformation, type Span } from "../../../grammar/index.js";
import type { ValueProblem } from "../schema/values.js";

export interface Extras {
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
}

/** Collects diagnostics for one validation run. */
export class Reporter {
  readonly diagnostics: Diagnostic[] = [];

  report(at: Span, code: Code, message: string, extras: Extras = {}): void {
    this.diagnostics.push(diagnostic(at, code, message, extras));
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
