/**
 * The rule base: a rule is a code of the registry (grammar/registry.ts holds its severity,
 * category and docs) and a check over the analysed model. Rules report through a callback and
 * never see the CLI or LSP.
 */
import {
  DeadlineExceeded,
  diagnostic,
  type Code,
  type Diagnostic,
  type Fix,
  type RelatedInformation,
  type Span,
} from "../../../grammar/index.js";
import type { ConfigModel } from "../model/types.js";
import type { Version } from "../schema/types.js";

export interface Finding {
  readonly at: Span;
  readonly message: string;
  /**
   * This instance of the defect causes no outage (a cluster rule whose simulation shows the
   * addresses still move), or is a mistake the target release lets through (schema/dated.ts): it
   * takes the rule's milder severity from the registry; settings still override it.
   */
  readonly mild?: boolean;
  readonly related?: readonly RelatedInformation[];
  readonly fix?: Fix;
}

export type Report = (finding: Finding) => void;

export interface FileContext {
  readonly model: ConfigModel;
  readonly targetVersion: Version;
  /**
   * A template fragment (a partial, checked in the block that includes it): its names may be
   * defined or used by the rest of the template, so rules that need the whole file stay silent.
   */
  readonly fragment?: boolean;
  /** What the preprocessor, the parser and the schema validator found: what keepalived reports while reading. */
  readonly reading: readonly Diagnostic[];
}

/** A rule over one node's configuration. */
export interface FileRule {
  readonly code: Code;
  check(context: FileContext, report: Report): void;
}

/**
 * Runs one rule's check, isolated: a rule that throws (a bug in kalint) costs its own findings
 * only, and leaves an `internal-error` finding at `at` that names it; the other rules still run.
 */
export function runIsolated(code: Code, at: Span, add: (d: Diagnostic) => void, check: (report: Report) => void): void {
  try {
    check((finding) => add(toDiagnostic(code, finding)));
  } catch (e) {
    // Running out of time is the analysis's to report (grammar/limits.ts), not a rule's bug.
    if (e instanceof DeadlineExceeded) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    add(
      diagnostic(
        at,
        "internal-error",
        `rule ${code} failed here and reported nothing: ${reason.split("\n")[0]} (a bug in kalint; the other rules ran)`,
      ),
    );
  }
}

/** The finding as a diagnostic of `code`, at the registry's severity. */
export function toDiagnostic(code: Code, finding: Finding): Diagnostic {
  const { at, message, related, fix, mild } = finding;
  return diagnostic(at, code, message, { ...(related ? { related } : {}), ...(fix ? { fix } : {}), ...(mild ? { mild } : {}) });
}
