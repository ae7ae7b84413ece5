/** The model's predictions for every lab case (test/lab/cases.ts), without root or keepalived. */
import { describe, expect, it } from "vitest";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { buildCluster } from "../../server/src/cluster/pairing.js";
import { simulate } from "../../server/src/simulate/scenarios.js";
import { buildSetup } from "../../server/src/simulate/setup.js";
import { memoryHost } from "../support/memory-host.js";
import { CASES, nodeText } from "../lab/cases.js";

export function simulateCase(c: (typeof CASES)[number], scenarios = Object.keys(c.expect)) {
  const files = Object.fromEntries(Object.entries(c.nodes).map(([name, n]) => [`/${c.name}/${name}.conf`, nodeText(n)]));
  const host = memoryHost(files);
  const nodes = Object.keys(files).map((p) => loadNode(p, { host }));
  // The cases' expectations are keepalived 2.2.7's (Debian 12), what the lab checks by default.
  return simulate(buildSetup(buildCluster(nodes), {}, [2, 2, 7]), scenarios);
}

describe("lab cases, as the model predicts them", () => {
  it("has at least 30 scenarios over two- and three-node clusters", () => {
    expect(CASES.reduce((n, c) => n + Object.keys(c.expect).length, 0)).toBeGreaterThanOrEqual(30);
  });
  for (const c of CASES) {
    it(c.name, () => {
      const result = simulateCase(c);
      const got = Object.fromEntries(
        result.scenarios.map((s) => {
          const first = Object.keys(s.owners)[0]!;
          const want = c.expect[s.id]!;
          return [
            s.id,
            { verdict: s.verdict, ...(want.owner ? { owner: s.owners[first] } : {}), ...(want.race ? { race: s.race[first] } : {}) },
          ];
        }),
      );
      expect(got).toEqual(c.expect);
    });
  }
});
