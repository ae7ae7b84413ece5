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
}

export const severityRank: Readonly<Record<Severity, number>> = { error: 3, warning: 2, info: 1, hint: 0 };
