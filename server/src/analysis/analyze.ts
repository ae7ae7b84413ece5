/**
 * One node's analysis: preprocess, build the model, run the schema validator and every file rule,
 * then apply severity settings and disable comments. The CLI and the language server both call this.
 */
import { parse, preprocess, type Diagnostic, type EffectiveConfig, type FileHost, type SourceText } from "../../../grammar/index.js";
import { buildModel } from "../model/build.js";
import type { ConfigModel } from "../model/types.js";
import { FILE_RULES } from "../rules/index.js";
import { ruleByCode } from "../rules/registry.js";
import { toDiagnostic } from "../rules/types.js";
import type { Version } from "../schema/types.js";
import { NEWEST_VERSION } from "../schema/lookup.js";
import { validateSchema } from "../validate/schema-check.js";
import type { RuleSetting } from "./lint-config.js";
import { applySuppressions, collectSuppressions, type SuppressionJudge } from "./suppress.js";

export interface AnalyzeOptions {
  readonly host: FileHost;
  readonly configId?: string;
  readonly targetVersion?: Version;
  /** Editor buffer to use instead of the file on disk. */
  readonly text?: string;
  /** Per-code settings: rc file, then command line. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /**
   * True when no cluster rule will look at this node (`kalint check`): a disable comment for a
   * cluster code is then not reported as suppressing nothing, since its rule never ran.
   */
  readonly standalone?: boolean;
}

export interface Analysis {
  readonly config: EffectiveConfig;
  readonly model: ConfigModel;
  readonly diagnostics: readonly Diagnostic[];
}

export function analyze(path: string, options: AnalyzeOptions): Analysis {
  const config = preprocess(path, {
    host: options.host,
    ...(options.configId !== undefined ? { configId: options.configId } : {}),
    ...(options.text !== undefined ? { text: options.text } : {}),
    env: (name) => process.env[name],
  });
  const model = buildModel(config.file);
  const targetVersion = options.targetVersion ?? NEWEST_VERSION;
  const found: Diagnostic[] = [...config.diagnostics, ...validateSchema(config.file, { targetVersion })];
  const context = { model, targetVersion };
  for (const rule of FILE_RULES) {
    if (options.rules?.[rule.code] === "off") continue;
    rule.check(context, (finding) => found.push(toDiagnostic(rule, finding)));
  }
  const diagnostics = finish(found, config, options.rules ?? {}, options.standalone ? (code) => ruleByCode(code)?.scope !== "cluster" : undefined);
  return { config, model, diagnostics };
}

/**
 * Severity settings and suppressions, shared with the cluster analysis. `ran` narrows the codes
 * whose silence makes a disable comment stale (default: every code that is not "off").
 */
export function finish(found: readonly Diagnostic[], config: EffectiveConfig, rules: Readonly<Record<string, RuleSetting>>, ran?: (code: string) => boolean): Diagnostic[] {
  const suppressions = config.files.flatMap((f) => collectSuppressions(f === config.root ? config.raw : rawOf(f)));
  const judge: SuppressionJudge = {
    known: (code) => ruleByCode(code) !== undefined,
    ran: (code) => rules[code] !== "off" && (ran?.(code) ?? true),
  };
  // Suppression first, then settings, so `unused-suppression` itself obeys the rc file.
  const kept: Diagnostic[] = [];
  for (const d of applySuppressions(found, suppressions, judge)) {
    const setting = rules[d.code];
    if (setting === "off") continue;
    kept.push(setting && setting !== d.severity ? { ...d, severity: setting } : d);
  }
  return sortDiagnostics(kept);
}

function rawOf(file: SourceText) {
  return file.text.includes("kalint") ? parse(file) : { kind: "file" as const, source: file, children: [], comments: [], diagnostics: [] };
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.start - b.start || a.end - b.end || (a.code < b.code ? -1 : 1)));
}
