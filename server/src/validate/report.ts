/**
 * How the validator turns a finding into a diagnostic: the code decides the default severity
 * (the registry, grammar/registry.ts), so every module reports through these helpers.
 */
import {
  diagnostic,
  FindingLimiter,
  type Code,
  type Diagnostic,
  type Fix,
  type RelatedInformation,
  type Span,
} from "../../../grammar/index.js";
import type { ValueProblem } from "../schema/values.js";

export interface Extras {
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
  /** A mistake the target release lets through (schema/dated.ts): the code's milder severity from the registry. */
  readonly mild?: boolean;
}

/** Collects diagnostics for one validation run, keeping at most `keep` of each code per file. */
export class Reporter {
  private readonly kept: Diagnostic[] = [];
  private readonly limiter: FindingLimiter;

  constructor(keep = Infinity) {
    this.limiter = new FindingLimiter(keep);
  }

  /** What was reported, with one summary for each code and file past the limit. */
  get diagnostics(): Diagnostic[] {
    return [...this.kept, ...this.limiter.summaries()];
  }

  /** Whether a finding of `code` at `at` would only be counted: an expensive message need not be built. */
  isFull(at: Span, code: Code): boolean {
    return this.limiter.isFull(at.file, code);
  }

  report(at: Span, code: Code, message: string, extras: Extras = {}): void {
    this.add(diagnostic(at, code, message, extras));
  }

  private add(d: Diagnostic): void {
    if (this.limiter.admit(d)) this.kept.push(d);
  }

  /** A value reader's verdict, prefixed with what the value was for. */
  problem(at: Span, problem: ValueProblem, what?: string, extras: Extras = {}): void {
    this.report(at, problem.code, what ? `${what}: ${problem.message}` : problem.message, extras);
  }
}

/** The stretch from the first to the last of some spans (all in one file). */
export function cover(first: Span, last: Span): Span {
  return { file: first.file, start: first.start, end: last.end };
}
