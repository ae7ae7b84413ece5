import { isOpaque } from "../../../grammar/index.js";
import { formatVersion } from "../schema/lookup.js";
import { affects, fixText, type AffectedReleases } from "./affected.js";
import { isRootName, scriptCommands, scriptUserLine } from "./scripts.js";
import type { FileRule } from "./types.js";

/**
 * keepalived 2.2.5 to 2.2.7 check a script that runs as another user by switching to that user
 * and back, then make sure their parent process is still there; under `keepalived -t` there is
 * no parent, so they send themselves SIGTERM (exit status 143, no message). 2.2.8 fixed it.
 */
export const RELEASES: AffectedReleases = { from: [2, 2, 5], fixedIn: [2, 2, 8] };

/** No user (or group) named runs as root. */
const isRoot = (name: string | undefined): boolean => name === undefined || isRootName(name);

export const configTestTerminates: FileRule = {
  code: "config-test-terminates",
  check({ model, targetVersion }, report) {
    if (!affects(RELEASES, targetVersion)) return;
    // keepalived drops a vrrp_script nothing tracks before it checks any script.
    const tracked = new Set(model.references.filter((r) => r.kind === "vrrp_script").map((r) => r.name));
    const affected = scriptCommands(model).flatMap((c) => {
      if (c.block.keyword.text === "vrrp_script" && !tracked.has(c.block.args[0]?.text ?? "")) return [];
      const [user, group] = (scriptUserLine(c.block, model)?.args ?? []).map((a) => a.text);
      if (isOpaque(user ?? "") || isOpaque(group ?? "")) return [];
      if (!isRoot(user)) return [{ command: c, who: `user '${user}'` }];
      return isRoot(group) ? [] : [{ command: c, who: `group '${group}'` }];
    });
    const first = affected[0];
    if (!first) return;
    const more = affected.length > 1 ? ` (and ${affected.length - 1} more)` : "";
    report({
      at: first.command.statement.keyword,
      message: `this script runs as ${first.who}${more}: keepalived ${formatVersion(targetVersion)} run as 'keepalived -t' terminates itself (SIGTERM, exit status 143, no message) when it checks such a script; the configuration loads and runs, but a 'keepalived -t' step before deployment fails (${fixText(RELEASES)})`,
    });
  },
};
