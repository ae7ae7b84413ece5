/** Reading keepalived's optional-boolean keywords (`vrrp_strict`, `strict_mode`, ...). */
import type { Statement } from "../../../grammar/index.js";

const TRUE_WORDS = new Set(["on", "true", "yes"]);
const FALSE_WORDS = new Set(["off", "false", "no"]);

/** A keyword alone means true; an unreadable word leaves the flag unknown. */
export function flagValue(statement: Statement | undefined): boolean | undefined {
  if (!statement) return undefined;
  const word = statement.args[0]?.text;
  if (word === undefined) return true;
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}
