import { formatCount } from "./limits.js";
import type { Span } from "./source.js";

export type Severity = "error" | "warning" | "info" | "hint";

export interface TextEdit extends Span {
  readonly newText: string;
}

export interface Fix {
  readonly description: string;
  readonly edits: readonly TextEdit[];
  /** Safe fixes may be applied by `kalint check --fix` without review. */
  readonly safe?: boolean;
}

export interface RelatedInformation extends Span {
  readonly message: string;
}

/** A finding about a span of a source file; rule codes are the stable slugs of grammar/registry.ts. */
export interface Diagnostic extends Span {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
  /** Render mode (docs/templates.md): the node whose rendering has this finding; absent when every node has it. */
  readonly node?: string;
  /**
   * Set on a summary: it stands for this many findings of its code in its file that are not
   * listed (kalint keeps a bounded number per code and file; see grammar/limits.ts).
   */
  readonly omitted?: number;
}

/**
 * Findings only counted, by file (or any key standing for one) and code: the first of each, how
 * many, and the most severe. `summaries` gives one diagnostic for each, where the first was.
 */
export class CountedFindings<K> {
  private readonly byKey = new Map<K, Map<string, { first: Diagnostic; count: number; severity: Severity }>>();

  /** Counts `d` (a summary counts for the findings it stands for). */
  add(key: K, d: Diagnostic): void {
    let byCode = this.byKey.get(key);
    if (!byCode) this.byKey.set(key, (byCode = new Map()));
    const seen = byCode.get(d.code);
    const count = d.omitted ?? 1;
    if (!seen) byCode.set(d.code, { first: d, count, severity: d.severity });
    else {
      seen.count += count;
      if (severityRank[d.severity] > severityRank[seen.severity]) seen.severity = d.severity;
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** One summary per file and code, its message from `message`. */
  summaries(message: (first: Diagnostic, count: number) => string): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const byCode of this.byKey.values()) {
      for (const { first, count, severity } of byCode.values()) {
        out.push({
          file: first.file,
          start: first.start,
          end: first.end,
          code: first.code,
          severity,
          message: message(first, count),
          omitted: count,
        });
      }
    }
    return out;
  }
}

/**
 * Keeps at most `max` diagnostics of each code in each file and counts the rest, so a file of a
 * million faulty lines costs a bounded number of diagnostic objects. `summaries` then stands
 * for what was dropped: one diagnostic per code and file, where the first dropped one was.
 */
export class FindingLimiter {
  /** Findings kept, by file and code (objects as keys: this runs once per finding of a huge file). */
  private readonly kept = new Map<object, Map<string, number>>();
  private readonly dropped = new CountedFindings<object>();

  constructor(private readonly max: number) {}

  /** Whether the next diagnostic of `code` in `file` would only be counted (its details need not be worked out). */
  isFull(file: object, code: string): boolean {
    return (this.kept.get(file)?.get(code) ?? 0) >= this.max;
  }

  admit(d: Diagnostic): boolean {
    let byCode = this.kept.get(d.file);
    if (!byCode) this.kept.set(d.file, (byCode = new Map()));
    const n = byCode.get(d.code) ?? 0;
    if (n < this.max) {
      byCode.set(d.code, n + 1);
      return true;
    }
    this.dropped.add(d.file, d);
    return false;
  }

  summaries(): Diagnostic[] {
    return this.dropped.summaries(
      (first, count) =>
        `${formatCount(count)} more ${first.code} findings in this file from here on (kalint keeps ${formatCount(this.max)} of each code per file)`,
    );
  }
}

export const severityRank: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };
