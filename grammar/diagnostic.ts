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
 * Keeps at most `max` diagnostics of each code in each file and counts the rest, so a file of a
 * million faulty lines costs a bounded number of diagnostic objects. `summaries` then stands
 * for what was dropped: one diagnostic per code and file, where the first dropped one was.
 */
export class FindingLimiter {
  /** Findings kept, by file and code (objects as keys: this runs once per finding of a huge file). */
  private readonly kept = new Map<object, Map<string, number>>();
  private readonly dropped = new Map<object, Map<string, { first: Diagnostic; count: number; severity: Severity }>>();

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
    let drops = this.dropped.get(d.file);
    if (!drops) this.dropped.set(d.file, (drops = new Map()));
    const seen = drops.get(d.code);
    const count = d.omitted ?? 1;
    if (!seen) drops.set(d.code, { first: d, count, severity: d.severity });
    else {
      seen.count += count;
      if (severityRank[d.severity] > severityRank[seen.severity]) seen.severity = d.severity;
    }
    return false;
  }

  summaries(): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const drops of this.dropped.values()) {
      for (const { first, count, severity } of drops.values()) {
        out.push({
          file: first.file, start: first.start, end: first.end, code: first.code, severity,
          message: `${count.toLocaleString("en-US")} more ${first.code} findings in this file from here on (kalint keeps ${this.max.toLocaleString("en-US")} of each code per file)`,
          omitted: count,
        });
      }
    }
    return out;
  }
}

export const severityRank: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };
