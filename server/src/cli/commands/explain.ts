/** `kalint explain RULE`: the rule's documentation page, bundled into the binary at build time. */
import ruleDocs from "virtual:rule-docs";
import { allRules, ruleByCode } from "../../rules/registry.js";
import { suggest } from "../../schema/lookup.js";
import { UsageError } from "../args.js";

export function runExplain(code: string): number {
  const rule = ruleByCode(code);
  if (!rule) {
    const hint = suggest(code, allRules().map((r) => r.code));
    throw new UsageError(`unknown rule '${code}'${hint ? ` (did you mean ${hint}?)` : ""}`);
  }
  const doc = ruleDocs[code];
  process.stdout.write(doc ?? `${rule.code} (${rule.severity}, ${rule.category})\n\n${rule.summary}\n`);
  if (doc && !doc.endsWith("\n")) process.stdout.write("\n");
  return 0;
}
