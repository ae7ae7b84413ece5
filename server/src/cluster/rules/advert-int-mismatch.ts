import type { Setting } from "../../model/types.js";
import { reportSettingMismatches } from "../mismatch.js";
import type { ClusterRule } from "../types.js";

const shown = (s: Setting<number>) => `${s.value}${s.word ? "" : " (default)"}`;

export const advertIntMismatch: ClusterRule = {
  scope: "cluster",
  code: "advert-int-mismatch",
  severity: "error",
  category: "cluster",
  summary: "peer instances advertise at different intervals (advert_int)",
  fixable: true,
  checkCluster(cluster, report) {
    reportSettingMismatches(cluster, report, {
      setting: (p) => p.instance.advertInt,
      related: "peer value",
      message: (got, want, where) => `advert_int ${shown(got)} differs from its peer's ${shown(want)} (${where}); keepalived drops adverts with the wrong interval, so both nodes become master`,
    });
  },
};
