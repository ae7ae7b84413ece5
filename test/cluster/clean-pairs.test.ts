import { describe, expect, test } from "vitest";
import { clusterFindings } from "../../server/src/cluster/check.js";
import { CLEAN_PAIRS, fleetOfNodes, readNodes } from "./helpers.js";

describe("pairs that differ legitimately raise no cluster finding at all", () => {
  for (const [name, [m, b]] of Object.entries(CLEAN_PAIRS)) {
    test(name, () => {
      const found = clusterFindings(fleetOfNodes(readNodes({ "master.conf": m, "backup.conf": b })));
      expect(found.map((d) => `${d.code}: ${d.message}`)).toEqual([]);
    });
  }
});
