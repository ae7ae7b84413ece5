import { placeOf, related, replaceWord, settingAnchor } from "../locate.js";
import { backupsOf, masterOf } from "../pairing.js";
import type { ClusterRule } from "../types.js";

export const advertIntMismatch: ClusterRule = {
  scope: "cluster",
  code: "advert-int-mismatch",
  severity: "error",
  category: "cluster",
  summary: "peer instances advertise at different intervals (advert_int)",
  fixable: true,
  checkCluster(cluster, report) {
    for (const set of cluster.peerSets) {
      const master = masterOf(set);
      const want = master.instance.advertInt;
      const wantAt = settingAnchor(master, want);
      for (const peer of backupsOf(set)) {
        const got = peer.instance.advertInt;
        if (got.value === want.value) continue;
        const shown = (v: number, written: boolean) => `${v}${written ? "" : " (default)"}`;
        report({
          at: settingAnchor(peer, got),
          message: `advert_int ${shown(got.value, Boolean(got.word))} differs from its peer's ${shown(want.value, Boolean(want.word))} (${placeOf(master.node, wantAt)}); keepalived drops adverts with the wrong interval, so both nodes become master`,
          related: [related(wantAt, "peer value")],
          ...(got.word ? { fix: replaceWord(got.word, String(want.value), `use ${want.value}`) } : {}),
        });
      }
    }
  },
};
