import { placeOf, related, replaceWord, settingAnchor } from "../locate.js";
import { backupsOf, masterOf } from "../pairing.js";
import type { Peer } from "../types.js";
import type { ClusterRule } from "../types.js";

function origin(peer: Peer): string {
  const v = peer.instance.version;
  if (!v.statement) return peer.instance.family === 6 ? "IPv6 addresses" : "default";
  return v.statement.keyword.text === "vrrp_version" ? "global vrrp_version" : "version";
}

export const versionMismatch: ClusterRule = {
  scope: "cluster",
  code: "version-mismatch",
  severity: "error",
  category: "cluster",
  summary: "peer instances speak different VRRP versions",
  fixable: true,
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      const master = masterOf(set);
      const want = master.instance.version;
      const wantAt = settingAnchor(master, want);
      for (const peer of backupsOf(set)) {
        const got = peer.instance.version;
        if (got.value === want.value) continue;
        // Only an instance's own `version` word is safe to rewrite; a global one affects every instance.
        const ownWord = got.statement?.keyword.text === "version" ? got.word : undefined;
        report({
          at: settingAnchor(peer, got),
          message: `VRRP version ${got.value} (${origin(peer)}) differs from its peer's ${want.value} (${origin(master)}, ${placeOf(master.node, wantAt)}); the nodes cannot read each other's adverts`,
          related: [related(wantAt, "peer version")],
          ...(ownWord ? { fix: replaceWord(ownWord, String(want.value), `use ${want.value}`) } : {}),
        });
      }
    }
  },
};
