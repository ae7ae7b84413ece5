/**
 * The registry is the one list of codes and of the severities a rule may be given: the rc file,
 * the command line, the language server's settings and the VS Code settings schema accept the
 * same words (as bash-language-server checks its settings against package.json).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { diagnostic, RULE_SETTINGS, RULE_SEVERITIES, ruleInfo, severityOf, SourceText } from "../../grammar/index.js";
import { parseLintConfig } from "../../server/src/analysis/lint-config.js";
import { parseArgs } from "../../server/src/cli/args.js";
import { readClientSettings } from "../../server/src/lsp/settings.js";

const ROOT = join(__dirname, "..", "..");
const WORDS = ["off", "error", "warning", "info", "hint", "fatal", "Error", ""];

test("the VS Code settings schema offers exactly the rule settings", () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, "client/package.json"), "utf8"));
  const schema = pkg.contributes.configuration.properties["kalint.rules"].additionalProperties.enum as string[];
  expect([...schema].sort()).toEqual([...RULE_SETTINGS].sort());
});

test("an rc file accepts exactly the rule settings", () => {
  const accepted = WORDS.filter((w) => {
    try {
      parseLintConfig(JSON.stringify({ rules: { "priority-tie": w } }), "/x/.kalintrc.json");
      return true;
    } catch {
      return false;
    }
  });
  expect(accepted.sort()).toEqual([...RULE_SETTINGS].sort());
});

test("the language server keeps exactly the rule settings from the editor", () => {
  const kept = WORDS.filter((w) => readClientSettings({ rules: { "priority-tie": w } }).rules?.["priority-tie"] === w);
  expect(kept.sort()).toEqual([...RULE_SETTINGS].sort());
});

test("--fail-on takes exactly the severities a rule may have", () => {
  const accepted = WORDS.filter((w) => {
    try {
      parseArgs(["check", "--fail-on", w, "a.conf"], {}, false);
      return true;
    } catch {
      return false;
    }
  });
  expect(accepted.sort()).toEqual([...RULE_SEVERITIES].sort());
});

test("a diagnostic takes its code's severity from the table", () => {
  const file = new SourceText("/a.conf", "x");
  expect(diagnostic({ file, start: 0, end: 1 }, "include-not-found", "m").severity).toBe("warning");
  expect(severityOf("include-not-found")).toBe(ruleInfo("include-not-found")!.severity);
  expect(ruleInfo("no-such-rule")).toBeUndefined();
});
