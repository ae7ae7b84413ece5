/**
 * Checks of a known keyword that do not depend on its arguments: is it new enough for the
 * target version, deprecated, or a repeat of a single-valued keyword in the same block.
 */
import type { Block, Statement, TemplateLayer } from "../../../grammar/index.js";
import { compareVersions, formatVersion, type KeywordScope } from "../schema/lookup.js";
import type { KeywordSpec, Version } from "../schema/types.js";
import type { Reporter } from "./report.js";

/** Returns the keyword's schema entry, or undefined when the keyword is not valid in this block. */
export function checkKeyword(
  node: Statement | Block,
  scope: KeywordScope,
  seen: Map<string, Statement | Block> | undefined,
  target: Version,
  reporter: Reporter,
  layer?: TemplateLayer,
): KeywordSpec | undefined {
  const word = node.keyword;
  const spec = scope.keyword(word.text);
  if (!spec) return undefined;

  if (compareVersions(spec.since, target) > 0) {
    reporter.report(
      word,
      "keyword-too-new",
      `${word.text} arrived in keepalived ${formatVersion(spec.since)}; the target version ${formatVersion(target)} does not know it`,
    );
  }

  if (spec.deprecated) {
    const replacement = spec.deprecated.replacement;
    // Offer the rename only when the replacement is a keyword of this same block, and only when
    // the target version knows it (else the fix would turn a warning into keyword-too-new).
    const replacementSpec = replacement !== undefined ? scope.keyword(replacement) : undefined;
    const renamable = replacementSpec !== undefined && compareVersions(replacementSpec.since, target) <= 0;
    const since = spec.deprecated.since ? ` since keepalived ${formatVersion(spec.deprecated.since)}` : "";
    const advice = replacement ? `; use ${replacement}` : spec.deprecated.note ? `; ${spec.deprecated.note}` : "";
    reporter.report(
      word,
      "deprecated-keyword",
      `${word.text} is deprecated${since}${advice}`,
      renamable
        ? {
            fix: {
              description: `rename to ${replacementSpec.name}`,
              edits: [{ file: word.file, start: word.start, end: word.end, newText: replacementSpec.name }],
              safe: true,
            },
          }
        : {},
    );
  }

  if (spec.single && seen) {
    // Aliases share one setting, so `lb_algo` after `lvs_sched` is a repeat too. In a template,
    // only two copies under the same conditions repeat: one inside an `if` and one outside, or
    // in two branches, may never be rendered together.
    const name = spec.aliasOf ?? spec.name;
    const key = layer ? `${layer.branchAt(node.start)?.id ?? 0} ${name}` : name;
    const earlier = seen.get(key);
    if (earlier) {
      const line = earlier.keyword.file.positionAt(earlier.keyword.start).line + 1;
      reporter.report(
        word,
        "duplicate-keyword",
        `${word.text} is already set in this block (line ${line}); only one of them takes effect`,
        {
          related: [{ file: earlier.keyword.file, start: earlier.keyword.start, end: earlier.keyword.end, message: "first set here" }],
        },
      );
    } else seen.set(key, node);
  }
  return spec;
}
