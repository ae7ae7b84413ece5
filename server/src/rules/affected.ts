/** The releases a keepalived fault affects: the rules about keepalived's own faults speak only for those targets. */
import { compareVersions, formatVersion, NEWEST_VERSION } from "../schema/lookup.js";
import type { Version } from "../schema/types.js";

export interface AffectedReleases {
  /** The first release with the fault. */
  readonly from: Version;
  /** The release that fixed it; absent while no release has. */
  readonly fixedIn?: Version;
}

export function affects(releases: AffectedReleases, target: Version): boolean {
  return compareVersions(target, releases.from) >= 0 && (releases.fixedIn === undefined || compareVersions(target, releases.fixedIn) < 0);
}

/** "fixed in keepalived 2.2.3", or "not fixed as of keepalived 2.4.3" (the newest release kalint knows). */
export function fixText(releases: AffectedReleases): string {
  return releases.fixedIn
    ? `fixed in keepalived ${formatVersion(releases.fixedIn)}`
    : `not fixed as of keepalived ${formatVersion(NEWEST_VERSION)}`;
}
