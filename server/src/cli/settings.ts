/** Rule settings for one file: its rc file (or --config), then --disable/--enable. */
import { ConfigError, EMPTY_CONFIG, findLintConfig, loadLintConfig, type LintConfig, type RuleSetting } from "../analysis/lint-config.js";
import { ruleByCode } from "../rules/registry.js";
import { parseVersion } from "../schema/lookup.js";
import type { Version } from "../schema/types.js";
import type { CliOptions } from "./args.js";
import { UsageError } from "./args.js";

export interface FileSettings {
  readonly rules: Readonly<Record<string, RuleSetting>>;
  readonly targetVersion?: Version;
  readonly lintConfig: LintConfig;
}

export function checkRuleCodes(o: CliOptions): void {
  for (const code of [...o.disable, ...o.enable]) {
    if (!ruleByCode(code)) throw new UsageError(`unknown rule '${code}' (see kalint rules)`);
  }
}

export function settingsFor(file: string, o: CliOptions): FileSettings {
  let lintConfig: LintConfig;
  try {
    lintConfig = o.noConfig ? EMPTY_CONFIG : o.config ? loadLintConfig(o.config) : findLintConfig(file === "-" ? "./-" : file);
  } catch (e) {
    if (e instanceof ConfigError) throw new UsageError(e.message);
    throw e;
  }
  const rules: Record<string, RuleSetting> = { ...lintConfig.rules };
  for (const code of o.disable) rules[code] = "off";
  for (const code of o.enable) if (rules[code] === "off") delete rules[code];
  const versionText = o.targetVersion ?? lintConfig.targetVersion;
  let targetVersion: Version | undefined;
  if (versionText !== undefined) {
    targetVersion = parseVersion(versionText);
    if (!targetVersion) throw new UsageError(`target version '${versionText}' is not a version like 2.2.7`);
  }
  return { rules, lintConfig, ...(targetVersion ? { targetVersion } : {}) };
}
