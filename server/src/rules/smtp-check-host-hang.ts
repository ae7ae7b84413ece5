import { formatVersion } from "../schema/lookup.js";
import { affects, fixText, type AffectedReleases } from "./affected.js";
import type { FileRule } from "./types.js";

/**
 * keepalived 2.3.0 to 2.3.3 put each SMTP_CHECK `host` block's checker on the real server's list
 * of checkers a second time; the list then loops on itself, and the first walk over it (while
 * the configuration is still being read) never ends: `keepalived -t` and keepalived itself hang
 * at 100 % CPU. 2.3.0 brought the per-server list (upstream 238bf177); 2.3.4 fixed it (da0291cd).
 * Measured on 2.3.3 by the differential test.
 */
export const RELEASES: AffectedReleases = { from: [2, 3, 0], fixedIn: [2, 3, 4] };

export const smtpCheckHostHang: FileRule = {
  code: "smtp-check-host-hang",
  check({ model, targetVersion }, report) {
    if (!affects(RELEASES, targetVersion)) return;
    for (const vs of model.virtualServers) {
      for (const rs of vs.realServers) {
        for (const checker of rs.checkers) {
          if (checker.keyword.text !== "SMTP_CHECK") continue;
          const host = checker.children.find((c) => c.kind === "block" && c.keyword.text === "host");
          if (host?.kind !== "block") continue;
          report({
            at: host.keyword,
            message: `keepalived ${formatVersion(targetVersion)} never finishes reading a configuration with an SMTP_CHECK 'host' block: keepalived and 'keepalived -t' hang at full CPU (${fixText(RELEASES)}); until then, use one SMTP_CHECK per host with connect_ip instead of host blocks`,
          });
        }
      }
    }
  },
};
