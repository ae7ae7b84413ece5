import { reportSettingMismatches } from "../mismatch.js";
import type { Peer } from "../types.js";
import type { ClusterRule } from "../types.js";

function origin(peer: Peer): string {
  const v = peer.instance.version;
  if (!v.statement) return peer.instance.family === 6 ? "IPv6 addresses" : "default";
  return v.statement.keyword.text === "vrrp_version" ? "global vrrp_version" : "version";
}

export const versionMismatch: ClusterRule = {
  code: "version-mismatch",
  checkCluster(cluster, report) {
    reportSettingMismatches(cluster, report, {
      setting: (p) => p.instance.version,
      related: "peer version",
      message: (got, want, where, { master, backup }) =>
        `VRRP version ${got.value} (${origin(backup)}) differs from its peer's ${want.value} (${origin(master)}, ${where}); the nodes cannot read each other's adverts`,
      // Only an instance's own `version` word is safe to rewrite; a global one affects every instance.
      fixable: (got) => (got.statement?.keyword.text === "version" ? got.word : undefined),
    });
  },
};
