import { formatVersion } from "../schema/lookup.js";
import { affects, fixText, type AffectedReleases } from "./affected.js";
import type { FileRule } from "./types.js";

/**
 * keepalived 2.0.20 to 2.1.5 read the configuration once per process kind under `-t` (global,
 * checker, VRRP, BFD) and clear the recorded error level at the start of each reading, so only
 * errors of the last reading and the checks after it decide the exit status: `keepalived -t`
 * prints most errors and still exits 0 (the differential test sees it on most files with errors;
 * a missing argument, which stops the reading, still exits non-zero). 2.0.20 brought the
 * clearing (upstream d58dc785); 2.2.0 clears once, before the first reading (9705ba1d).
 */
export const RELEASES: AffectedReleases = { from: [2, 0, 20], fixedIn: [2, 2, 0] };

export const configTestExitZero: FileRule = {
  code: "config-test-exit-zero",
  check({ targetVersion, reading }, report) {
    if (!affects(RELEASES, targetVersion)) return;
    const errors = reading.filter((d) => d.severity === "error");
    const first = errors[0];
    if (!first) return;
    const more = errors.length > 1 ? ` (and the ${errors.length - 1} other error${errors.length === 2 ? "" : "s"} kalint reports)` : "";
    report({
      at: first,
      message: `keepalived ${formatVersion(targetVersion)} run as 'keepalived -t' prints this error${more} but exits 0 for most errors, so a deployment step that only checks its exit status lets the file through (${fixText(RELEASES)})`,
    });
  },
};
