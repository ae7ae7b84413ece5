/** Rule settings for one file: its rc file (or --config), then --disable/--enable. */
import { allRuleInfo, nodeFileHost, ruleInfo, type RuleSetting } from "../../../grammar/node.js";
import type { AnalyzeOptions } from "../analysis/analyze.js";
import { ConfigError, EMPTY_CONFIG, findLintConfig, isFragment, loadLintConfig, type LintConfig } from "../analysis/lint-config.js";
import { parseVersion, suggest } from "../schema/lookup.js";
import type { Version } from "../schema/types.js";
import type { CliOptions } from "./args.js";
import { UsageError } from "./args.js";

export interface FileSettings {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly targetVersion?: Version;
  readonly lintConfig: LintConfig;
}

function unknownRule(code: string, where: string): UsageError {
  const hint = suggest(
    code,
    allRuleInfo().map((r) => r.code),
  );
  return new UsageError(`${where}unknown rule '${code}'${hint ? ` (did you mean ${hint}?)` : ""}; 'kalint rules' lists them`);
}

export function checkRuleCodes(o: CliOptions): void {
  for (const code of [...o.disable, ...o.enable]) if (!ruleInfo(code)) throw unknownRule(code, "");
}

/** The settings for `file`; a bad rc file or version is a usage error, so a typo never silently does nothing. */
export function settingsFor(file: string, o: CliOptions): FileSettings {
  let lintConfig: LintConfig;
  try {
    lintConfig = o.noConfig ? EMPTY_CONFIG : o.config ? loadLintConfig(o.config) : findLintConfig(file);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  for (const code of Object.keys(lintConfig.rules)) if (!ruleInfo(code)) throw unknownRule(code, `${lintConfig.path}: `);
  const rules: Record<string, RuleSetting> = { ...lintConfig.rules };
  for (const code of o.disable) rules[code] = "off";
  // --enable brings back a rule the rc file (or an earlier --disable) turned off, at its default severity.
  for (const code of o.enable) if (rules[code] === "off") delete rules[code];
  let targetVersion: Version | undefined;
  if (o.targetVersion !== undefined) targetVersion = o.targetVersion;
  else if (lintConfig.targetVersion !== undefined) {
    targetVersion = parseVersion(lintConfig.targetVersion);
    if (!targetVersion)
      throw new UsageError(`${lintConfig.path}: targetVersion must look like 2.2 or 2.2.7, not '${lintConfig.targetVersion}'`);
  }
  return { rules, lintConfig, ...(targetVersion ? { targetVersion } : {}) };
}

/**
 * How to analyse a file on disk with these settings, as node `configId` when one is given. With
 * the command line's options, the template settings (`--template`, `--template-path`, and
 * `--fragment` or the rc file's fragment globs for `file`) come along.
 */
export function analyzeOptions(settings: FileSettings, configId: string | undefined, o?: CliOptions, file?: string): AnalyzeOptions {
  const fragment = o !== undefined && (o.fragment || (file !== undefined && isFragment(settings.lintConfig, file)));
  return {
    host: nodeFileHost,
    rules: settings.rules,
    ...(o ? { template: o.template, ...(o.templatePath.length ? { templatePath: o.templatePath } : {}) } : {}),
    ...(fragment ? { fragment: true } : {}),
    ...(settings.targetVersion ? { targetVersion: settings.targetVersion } : {}),
    ...(configId !== undefined ? { configId } : {}),
  };
}
