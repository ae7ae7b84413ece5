import type { Block, Statement } from "../../../grammar/index.js";
import type { ConfigModel } from "../model/types.js";
import { formatVersion } from "../schema/lookup.js";
import { affects, fixText, type AffectedReleases } from "./affected.js";
import { isRootName, scriptUserLine } from "./scripts.js";
import type { FileRule } from "./types.js";

/**
 * When keepalived cannot set the user a MISC_CHECK script runs as (its own `user`, or the
 * default: global_defs `script_user`, else `keepalived_script` when script security is on), it
 * reports it and drops the checker, but frees it while it is still queued (2.0.0 to 2.0.18, and
 * the default-user path up to 2.2.2: SIGSEGV later in the reading) or frees it twice (its own
 * `user`, 2.0.19 to 2.2.2: "double free or corruption", SIGABRT). Measured on 2.0.19 and 2.1.5
 * by the differential test; upstream d85a7b67 fixed both paths in 2.2.3.
 */
export const RELEASES: AffectedReleases = { from: [2, 0, 0], fixedIn: [2, 2, 3] };

export const miscCheckUserCrash: FileRule = {
  code: "misc-check-user-crash",
  check({ model, targetVersion }, report) {
    if (!affects(RELEASES, targetVersion)) return;
    const security = model.global("enable_script_security") !== undefined;
    for (const vs of model.virtualServers) {
      for (const rs of vs.realServers) {
        for (const checker of rs.checkers) {
          if (checker.keyword.text !== "MISC_CHECK") continue;
          const who = runsAs(checker, model, security);
          if (!who) continue;
          report({
            at: who.at ?? checker.keyword,
            message: `this MISC_CHECK runs as ${who.what}: where that cannot be set on the host (no such user or group), keepalived ${formatVersion(targetVersion)} crashes while reading the configuration instead of dropping the checker with a message, and 'keepalived -t' dies with it (${fixText(RELEASES)})`,
          });
        }
      }
    }
  },
};

/** The user the MISC_CHECK script runs as when keepalived may fail to set it; undefined for root. */
function runsAs(checker: Block, model: ConfigModel, security: boolean): { what: string; at?: Statement["keyword"] } | undefined {
  const chosen = scriptUserLine(checker, model);
  if (chosen) {
    // scriptUserLine only returns a line with a word.
    const user = chosen.args[0]!.text;
    const group = chosen.args[1]?.text;
    if (isRootName(user) && (group === undefined || isRootName(group))) return undefined;
    const what = group !== undefined && !isRootName(group) ? `user '${user}', group '${group}'` : `user '${user}'`;
    return chosen.keyword.text === "user" ? { what, at: chosen.keyword } : { what: `${what} (global_defs script_user)` };
  }
  // No user named anywhere: keepalived looks for keepalived_script, and falls back to root only without script security.
  return security ? { what: "the user 'keepalived_script' (the default with enable_script_security and no script_user)" } : undefined;
}
