/** Every command keepalived runs for this node: vrrp_script, notify*, quorum_*, MISC_CHECK, start-up scripts. */
import type { Block, Statement, Word } from "../../../grammar/index.js";
import type { ConfigModel } from "../model/types.js";

/** Keywords whose arguments are a command, by the block they sit in. */
const SCRIPT_KEYWORDS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  [
    "global_defs",
    new Set(["startup_script", "shutdown_script", "notify_fifo_script", "vrrp_notify_fifo_script", "lvs_notify_fifo_script"]),
  ],
  ["vrrp_script", new Set(["script"])],
  [
    "vrrp_instance",
    new Set(["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop", "notify_deleted", "notify_master_rx_lower_pri"]),
  ],
  ["vrrp_sync_group", new Set(["notify", "notify_master", "notify_backup", "notify_fault", "notify_stop"])],
  ["virtual_server", new Set(["quorum_up", "quorum_down"])],
  ["real_server", new Set(["notify_up", "notify_down"])],
  ["MISC_CHECK", new Set(["misc_path"])],
]);

/** The command-holding block each command-holding block may hold. */
const NESTED: ReadonlyMap<string, string> = new Map([
  ["virtual_server", "real_server"],
  ["real_server", "MISC_CHECK"],
]);

export interface ScriptCommand {
  readonly statement: Statement;
  /** The block the statement sits in (vrrp_script, vrrp_instance, MISC_CHECK, global_defs, ...). */
  readonly block: Block;
  /** The word the command starts in (a quoted word may hold the whole command line). */
  readonly word: Word;
  /** The program keepalived executes: the first token of the command line. */
  readonly program: string;
}

/**
 * The program of a command line. keepalived splits a quoted command into words itself, and a
 * token may carry its own single or double quotes (`"'/opt/my app/run' --x"`).
 */
function programOf(word: Word): string {
  const text = word.text.trimStart();
  const quote = text[0];
  if (quote === "'" || quote === '"') {
    const close = text.indexOf(quote, 1);
    return close === -1 ? text.slice(1) : text.slice(1, close);
  }
  return text.split(/\s+/, 1)[0] ?? "";
}

/** Two rules read the commands; the walk over a large file is worth doing once per model. */
const cache = new WeakMap<ConfigModel, readonly ScriptCommand[]>();

export function scriptCommands(model: ConfigModel): readonly ScriptCommand[] {
  const known = cache.get(model);
  if (known) return known;
  const out: ScriptCommand[] = [];
  for (const n of model.file.children) {
    if (n.kind !== "block") continue;
    const inner = SCRIPT_KEYWORDS.get(n.keyword.text);
    if (inner) visit(n, inner, out);
  }
  cache.set(model, out);
  return out;
}

/**
 * Statements of `block` whose keyword is one of `keywords` (those of the block), then
 * nested blocks. Every block that holds a command block (virtual_server, real_server) holds
 * commands itself, so the walk only enters blocks of SCRIPT_KEYWORDS: it skips the bodies of
 * health checkers, address lists and the like, most of a large file.
 */
function visit(block: Block, keywords: ReadonlySet<string>, out: ScriptCommand[]): void {
  for (const n of block.children) {
    if (n.kind === "statement") {
      if (!keywords.has(n.keyword.text)) continue;
      const word = n.args[0];
      // `notify_deleted` alone only asks for the DELETED state in the notify script.
      if (word) out.push({ statement: n, block, word, program: programOf(word) });
    } else if (n.kind === "block" && NESTED.get(block.keyword.text) === n.keyword.text) {
      // Only where keepalived reads the block: a vrrp_script left inside global_defs by a
      // missing brace is skipped by keepalived and runs nothing.
      const inner = SCRIPT_KEYWORDS.get(n.keyword.text);
      if (inner) visit(n, inner, out);
    }
  }
}

/** Whether a user or group name is root's: `root` or id 0. */
export const isRootName = (name: string): boolean => name === "root" || name === "0";

/**
 * The line naming the user (and group) the scripts of `block` run as: the block's own last
 * `user` line with a word, else global_defs `script_user`; undefined when neither names one
 * (keepalived ignores a `user` or `script_user` line without a word).
 */
export function scriptUserLine(block: Block, model: ConfigModel): Statement | undefined {
  let own: Statement | undefined;
  for (const c of block.children) if (c.kind === "statement" && c.keyword.text === "user" && c.args.length > 0) own = c;
  if (own) return own;
  const global = model.global("script_user");
  return global && global.args.length > 0 ? global : undefined;
}
