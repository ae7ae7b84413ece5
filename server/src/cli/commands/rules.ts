/** `kalint rules`: every rule with its default severity, category and whether it can fix. */
import { allRuleInfo } from "../../../../grammar/index.js";
import type { CliOptions } from "../args.js";

export function runRules(o: CliOptions): number {
  process.stdout.write(rulesText(o) + "\n");
  return 0;
}

function rulesText(o: CliOptions): string {
  const rules = allRuleInfo();
  if (o.format === "json") {
    return JSON.stringify(
      {
        rules: rules.map((r) => ({
          code: r.code,
          severity: r.severity,
          category: r.category,
          fixable: r.fixable,
          summary: r.summary,
          docs: `docs/rules/${r.code}.md`,
        })),
      },
      null,
      2,
    );
  }
  const width = Math.max(...rules.map((r) => r.code.length));
  return rules
    .map((r) => `${r.code.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.category.padEnd(8)}  ${r.fixable ? "fix" : "   "}  ${r.summary}`)
    .join("\n");
}
