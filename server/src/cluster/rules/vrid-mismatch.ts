import { reportSettingMismatches } from "../mismatch.js";
import type { ClusterRule } from "../types.js";

export const vridMismatch: ClusterRule = {
  code: "vrid-mismatch",
  checkCluster(cluster, report) {
    // A missing VRID is missing-required's finding, on the node itself.
    reportSettingMismatches(cluster, report, {
      setting: (p) => p.instance.virtualRouterId,
      related: "peer value",
      message: (got, want, where) =>
        `virtual_router_id ${got.value} differs from its peer's ${want.value} (${where}); the nodes ignore each other's adverts and both become master`,
    });
  },
};
