import { formatVersion } from "../schema/lookup.js";
import { affects, fixText, type AffectedReleases } from "./affected.js";
import type { FileRule } from "./types.js";

/**
 * With `net_namespace NAME`, keepalived (even under `-t`) first moves into that network
 * namespace. Where it does not exist, as on a build or CI machine, keepalived logs that to
 * syslog only and stops with exit status 0, before it checks anything beyond global_defs: the
 * config test passes whatever the rest of the file holds. Every release the differential test
 * runs (2.0.19 to 2.4.3) does it.
 */
export const RELEASES: AffectedReleases = { from: [1, 2, 24] };

export const configTestNamespace: FileRule = {
  code: "config-test-namespace",
  check({ model, targetVersion }, report) {
    if (!affects(RELEASES, targetVersion)) return;
    for (const node of model.file.children) {
      if (node.kind !== "statement" || node.keyword.text !== "net_namespace" || node.args.length === 0) continue;
      report({
        at: node.keyword,
        message: `'keepalived -t' first enters network namespace '${node.args[0]!.text}'; on a machine where it does not exist the test stops there with exit status 0 and no message, without checking the VRRP and virtual server configuration (keepalived ${formatVersion(targetVersion)}; ${fixText(RELEASES)})`,
      });
    }
  },
};
