import { related, placeOf, replaceWord, settingAnchor } from "../locate.js";
import { backupsOf, masterOf } from "../pairing.js";
import type { ClusterRule } from "../types.js";

export const vridMismatch: ClusterRule = {
  scope: "cluster",
  code: "vrid-mismatch",
  severity: "error",
  category: "cluster",
  summary: "peer instances on different nodes have different virtual_router_id values",
  fixable: true,
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      const master = masterOf(set);
      const want = master.instance.virtualRouterId;
      if (!want) continue;
      const wantAt = settingAnchor(master, want);
      for (const peer of backupsOf(set)) {
        const got = peer.instance.virtualRouterId;
        // A missing VRID is missing-required's finding, on the node itself.
        if (!got || got.value === want.value) continue;
        report({
          at: settingAnchor(peer, got),
          message: `virtual_router_id ${got.value} differs from its peer's ${want.value} (${placeOf(master.node, wantAt)}); the nodes ignore each other's adverts and both become master`,
          related: [related(wantAt, "peer value")],
          ...(got.word ? { fix: replaceWord(got.word, String(want.value), `use ${want.value}`) } : {}),
        });
      }
    }
  },
};
