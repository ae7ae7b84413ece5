/**
 * `track_interface`, `track_script`, `track_process`, `track_file` and `track_bfd` lines:
 * `NAME [weight N [reverse|noreverse]]`. The weight bounds differ per kind: keepalived clamps
 * ±254 on interfaces and scripts (and complains), takes it on files and processes, and keeps
 * BFD weights within ±253.
 */
import type { Word } from "../../../../grammar/index.js";
import { readInteger } from "../../schema/values.js";
import type { LineChecker, LineContext } from "./context.js";

interface TrackRule {
  readonly weight: number;
  readonly directions: readonly string[];
}

/** By track block: the weight bounds and directions keepalived reads (the model runs tracks with the same bounds). */
export const TRACK_LINE_RULES = {
  // keepalived 2.2.x only understands `reverse` after an interface weight.
  track_interface: { weight: 253, directions: ["reverse"] },
  track_script: { weight: 253, directions: ["reverse", "noreverse"] },
  track_process: { weight: 254, directions: ["reverse", "noreverse"] },
  track_file: { weight: 254, directions: ["reverse", "noreverse"] },
  track_bfd: { weight: 253, directions: ["reverse", "noreverse"] },
} as const satisfies Readonly<Record<string, TrackRule>>;

const RULES: Readonly<Record<string, TrackRule>> = TRACK_LINE_RULES;

export const checkTrackLine: LineChecker = (words, context) => checkTrack(words, context, RULES[context.block] ?? RULES.track_script!);

function checkTrack(words: readonly Word[], context: LineContext, rule: TrackRule): void {
  const { reporter, block } = context;
  const option = words[1];
  if (!option) return;
  if (option.text !== "weight") {
    reporter.report(option, "invalid-value", `unknown ${block} option '${option.text}'; only 'weight N' may follow the name`);
    return;
  }
  const value = words[2];
  if (!value) {
    reporter.report(option, "missing-argument", `'weight' needs a number after it`);
    return;
  }
  const weight = readInteger(value.text, { min: -rule.weight, max: rule.weight });
  if (!weight.ok) reporter.problem(value, weight.problem, `${block} weight`);
  const direction = words[3];
  if (direction && !rule.directions.includes(direction.text)) {
    reporter.report(direction, "invalid-value", `'${direction.text}' cannot follow a ${block} weight; use ${rule.directions.join(" or ")}`);
  }
  if (words.length > 4) reporter.report(words[4]!, "extra-argument", `words after the ${block} weight are ignored`);
}
