/**
 * The rule base: a rule has a stable code (SPEC §4), a default severity, a category, and a
 * check over the analysed model. Rules report through a callback and never see the CLI or LSP.
 */
import type { Diagnostic, Fix, RelatedInformation, Severity, Span } from "../../../grammar/index.js";
import type { ConfigModel } from "../model/types.js";
import type { Version } from "../schema/types.js";

export type Category = "language" | "schema" | "vrrp" | "lvs" | "cluster" | "meta";

export interface RuleMeta {
  readonly code: string;
  readonly severity: Severity;
  readonly category: Category;
  /** One line: what the rule catches. */
  readonly summary: string;
  /** Whether the rule offers fixes. */
  readonly fixable: boolean;
}

export interface Finding {
  readonly at: Span;
  readonly message: string;
  /**
   * Lower than the rule's default where this instance of the defect causes no outage (a cluster
   * rule whose simulation shows the addresses still move); settings still override it.
   */
  readonly severity?: Severity;
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
}

/** A rule over one node's configuration. */
export interface FileRule extends RuleMeta {
  readonly scope: "file";
  check(context: FileContext, report: Report): void;
}

/** A code produced by the parser, preprocessor or schema validator rather than by a check of its own. */
export interface BuiltinRule extends RuleMeta {
  readonly scope: "builtin";
}

export type Rule = FileRule | BuiltinRule | ClusterRuleLike;

/** Cluster rules live in server/src/cluster; the registry only needs their metadata here. */
export interface ClusterRuleLike extends RuleMeta {
  readonly scope: "cluster";
}

export function toDiagnostic(rule: RuleMeta, finding: Finding): Diagnostic {
  const { at, message, related, fix } = finding;
  return {
    file: at.file,
    start: at.start,
    end: at.end,
    code: rule.code,
    severity: finding.severity ?? rule.severity,
    message,
    ...(related ? { related } : {}),
    ...(fix ? { fix } : {}),
  };
}
