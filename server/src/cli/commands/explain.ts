/**
 * `kalint explain NAME`: a rule's documentation page (bundled into the binary at build time),
 * or, when NAME is a keepalived keyword, its documentation in every block that accepts it.
 * `BLOCK/KEYWORD` (e.g. `vrrp_script/weight`) picks one block.
 */
import ruleDocs from "virtual:rule-docs";
import { allRuleInfo, ruleInfo } from "../../../../grammar/index.js";
import { blockOf, describeKeywordBody, describeRemoved } from "../../schema/describe.js";
import { allKeywords, keywordsNamed, removedKeyword, suggest } from "../../schema/lookup.js";
import { UsageError } from "../args.js";

export function runExplain(name: string): number {
  const rule = ruleInfo(name);
  if (rule) {
    // The page's "Try it" line points at a playground page; in a terminal it is only a long URL.
    const doc = ruleDocs[name]?.replace(/^\[Try it in the playground\]\([^)]*\)\n\n?/m, "");
    process.stdout.write(doc ?? `${rule.code} (${rule.severity}, ${rule.category})\n\n${rule.summary}\n`);
    if (doc && !doc.endsWith("\n")) process.stdout.write("\n");
    return 0;
  }
  const [block, keyword] = name.includes("/")
    ? [name.slice(0, name.lastIndexOf("/")), name.slice(name.lastIndexOf("/") + 1)]
    : [undefined, name];
  const specs = keywordsNamed(keyword).filter(
    (k) => block === undefined || k.parents[k.parents.length - 1] === block || k.parents.join("/") === block,
  );
  if (specs.length > 0) {
    // Positions that share one text (a checker keyword in every checker) are shown once.
    const shown = new Map<string, string[]>();
    for (const spec of specs) {
      const body = describeKeywordBody(spec);
      (shown.get(body) ?? shown.set(body, []).get(body)!).push(blockOf(spec));
    }
    const parts = [...shown.entries()].map(([body, places]) => `**${keyword}** in ${places.map((p) => `\`${p}\``).join(", ")}\n\n${body}`);
    process.stdout.write(parts.join("\n\n---\n\n") + "\n");
    return 0;
  }
  const removed = removedKeyword(keyword);
  if (removed) {
    process.stdout.write(`${describeRemoved(removed)}\n`);
    return 0;
  }
  const hint = suggest(name, [...allRuleInfo().map((r) => r.code), ...new Set(allKeywords().map((k) => k.name))]);
  throw new UsageError(`'${name}' is neither a rule nor a keepalived keyword${hint ? ` (did you mean ${hint}?)` : ""}`);
}
