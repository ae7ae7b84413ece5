import type { Setting } from "../../model/types.js";
import { reportSettingMismatches } from "../mismatch.js";
import type { ClusterRule, Peer } from "../types.js";

const shown = (s: Setting<number>) => `${s.value}${s.word ? "" : " (default)"}`;
const bothV3 = (a: Peer, b: Peer) => a.instance.version.value === 3 && b.instance.version.value === 3;

export const advertIntMismatch: ClusterRule = {
  code: "advert-int-mismatch",
  checkCluster(cluster, report) {
    reportSettingMismatches(cluster, report, {
      setting: (p) => p.instance.advertInt,
      related: "peer value",
      // VRRPv2 drops an advert with another interval; a VRRPv3 backup adopts the master's (vrrp.c, checked in the lab).
      message: (got, want, where, { master, backup }) =>
        bothV3(master, backup)
          ? `advert_int ${shown(got)} differs from its peer's ${shown(want)} (${where}); with VRRPv3 a backup adopts the master's interval, so the addresses still move, but how fast a failure is noticed depends on which node is master`
          : `advert_int ${shown(got)} differs from its peer's ${shown(want)} (${where}); with VRRPv2 each node drops the other's adverts, so both become master and hold the addresses (split brain)`,
      mild: ({ master, backup }) => bothV3(master, backup),
    });
  },
};
