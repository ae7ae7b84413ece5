/**
 * The simulation keeps each part's view (its runs, holders and verdicts) across clusters, by a
 * label of everything the view reads (scenarios.ts, PartFacts.label): the editor rebuilds the
 * cluster on every keystroke, and a role's template repeats one instance shape many times. A
 * label that missed a field would hand one cluster another's outcome. So: clusters that differ
 * one field at a time, simulated in a fresh module in one order and in another fresh module in
 * the reverse order, where each meets the views the others left, must come out alike.
 */
import fc from "fast-check";
import { expect, test, vi } from "vitest";
import { memoryHost } from "../support/memory-host.js";
import { nodeText, script, type Instance, type Node } from "../lab/cases.js";

type Modules = {
  nodes: typeof import("../../server/src/cluster/nodes.js");
  pairing: typeof import("../../server/src/cluster/pairing.js");
  check: typeof import("../../server/src/cluster/check.js");
  scenarios: typeof import("../../server/src/simulate/scenarios.js");
  render: typeof import("../../server/src/simulate/render.js");
};

/** The simulation's modules with nothing cached: module-level caches start empty. */
async function fresh(): Promise<Modules> {
  vi.resetModules();
  return {
    nodes: await import("../../server/src/cluster/nodes.js"),
    pairing: await import("../../server/src/cluster/pairing.js"),
    check: await import("../../server/src/cluster/check.js"),
    scenarios: await import("../../server/src/simulate/scenarios.js"),
    render: await import("../../server/src/simulate/render.js"),
  };
}

/** The simulation's JSON and every cluster finding (with its place and related places) of one cluster. */
function outcome(m: Modules, name: string, nodes: Record<string, Node>): string {
  const files = Object.fromEntries(Object.entries(nodes).map(([n, node]) => [`/${name}/${n}.conf`, nodeText(node)]));
  const host = memoryHost(files);
  const cluster = m.pairing.buildCluster(Object.keys(files).map((p) => m.nodes.loadNode(p, { host })));
  const findings = m.check
    .checkFleet({ clusters: [cluster] })
    .map(
      (d) =>
        `${d.file.path}:${d.start}-${d.end} ${d.code} ${d.message} ${(d.related ?? []).map((r) => `${r.file.path}:${r.start} ${r.message}`).join("|")}`,
    );
  return JSON.stringify(m.render.toJson(m.scenarios.simulateCluster(cluster).result, { settled: true })) + "\n" + findings.join("\n");
}

const instance: fc.Arbitrary<Instance> = fc.record({
  state: fc.constantFrom("MASTER" as const, "BACKUP" as const),
  priority: fc.constantFrom(100, 150, 200, 254, 255),
  vrid: fc.constantFrom(51, 52),
  advert: fc.constantFrom(1, 2, "0.5"),
  auth: fc.option(fc.constantFrom("pw1", "pw2"), { nil: undefined }),
  extra: fc.subarray(["nopreempt", "preempt_delay 5", "dont_track_primary", "track_interface {\n        eth1 weight -60\n    }"]),
  tracks: fc.subarray(["chk_a", "chk_b"]),
});

/** A cluster of 2-3 nodes with 1-2 instances each, and variants of it that change one field of one instance. */
const family = fc
  .record({
    nodes: fc.array(fc.array(instance, { minLength: 1, maxLength: 2 }), { minLength: 2, maxLength: 3 }),
    weights: fc.tuple(fc.constantFrom(-10, -60, 20), fc.constantFrom(-30, 50)),
    // Families alike in all but their addresses must not share owners.
    address: fc.integer({ min: 10, max: 200 }),
  })
  .map(({ nodes, weights, address }) => {
    const make = (edit?: { node: number; inst: number; field: keyof Instance; value: Instance[keyof Instance] }): Record<string, Node> =>
      Object.fromEntries(
        nodes.map((list, n) => [
          `lb${n + 1}`,
          {
            top: [script("chk_a", weights[0]), script("chk_b", weights[1])],
            instances: list.map((i, k) => ({
              ...i,
              name: `VI_${k}`,
              vips: [`192.0.2.${address + k}/24`],
              ...(edit && edit.node === n && edit.inst === k ? { [edit.field]: edit.value } : {}),
            })),
          },
        ]),
      );
    const variants = [make()];
    // The fields a keystroke changes one at a time, on the first node's first instance.
    const edits: [keyof Instance, Instance[keyof Instance]][] = [
      ["advert", 3],
      ["priority", 99],
      ["auth", "pw3"],
      ["vrid", 53],
      ["state", nodes[0]![0]!.state === "MASTER" ? "BACKUP" : "MASTER"],
      ["tracks", ["chk_b"]],
      ["extra", ["nopreempt"]],
      ["vips", ["203.0.113.5/24"]],
    ];
    for (const [field, value] of edits) variants.push(make({ node: 0, inst: 0, field, value }));
    return variants;
  });

test("a cluster's simulation and findings do not depend on the clusters simulated before it", async () => {
  const families = fc.sample(family, { numRuns: 12, seed: 4242 });
  const clusters = families.flat();
  const forward = await fresh();
  const a = clusters.map((c, k) => outcome(forward, `c${k}`, c));
  const backward = await fresh();
  const b = new Array<string>(clusters.length);
  for (let k = clusters.length - 1; k >= 0; k--) b[k] = outcome(backward, `c${k}`, clusters[k]!);
  for (let k = 0; k < clusters.length; k++) expect(b[k], `cluster ${k}`).toBe(a[k]);
  // The variants are simulated, not skipped: most of them change some verdict or finding.
  const size = families[0]!.length;
  const changed = families.filter((_, f) => a.slice(f * size + 1, (f + 1) * size).some((x) => x !== a[f * size]));
  expect(changed.length).toBeGreaterThan(families.length / 2);
});

test("each scenario's verdict, read from the parts' views, is the one judged afresh from its owners and states", async () => {
  const m = await fresh();
  // Addresses from a small pool, each node its own (as per-node template variables give them), so
  // that some are held in two parts (peer sets) and the addresses of one part differ in carriers;
  // interfaces of two, so that a link down on one leaves parts on the other alone.
  const pool = ["192.0.2.10/24", "192.0.2.20/24", "192.0.2.30/24", "192.0.2.40/24"];
  const withShared = fc.record({
    nodes: fc.array(
      fc.array(fc.record({ instance, vips: fc.subarray(pool, { minLength: 1 }), iface: fc.constantFrom("eth0", "eth1") }), {
        minLength: 2,
        maxLength: 3,
      }),
      { minLength: 2, maxLength: 3 },
    ),
  });
  let judged = 0;
  for (const [c, { nodes }] of fc.sample(withShared, { numRuns: 40, seed: 7 }).entries()) {
    const files = Object.fromEntries(
      nodes.map((list, n) => [
        `/v${c}/lb${n + 1}.conf`,
        nodeText({
          top: [script("chk_a", -60), script("chk_b", 50)],
          instances: list.map(({ instance: i, vips, iface }, k) => ({ ...i, name: `VI_${k}`, vrid: 51 + k, vips, iface })),
        }),
      ]),
    );
    const host = memoryHost(files);
    const cluster = m.pairing.buildCluster(Object.keys(files).map((p) => m.nodes.loadNode(p, { host })));
    const { setup, result } = m.scenarios.simulateCluster(cluster);
    const byId = new Map(m.scenarios.scenariosFor(setup).map((s) => [s.id, s]));
    for (const s of result.scenarios) {
      const stateOf = (inst: (typeof setup.instances)[number]) => s.instances[setup.sets[inst.set]!]![setup.nodes[inst.node]!.name]!;
      const fresh = m.scenarios.verdictOf(setup, m.scenarios.worldAfter(byId.get(s.id)!), stateOf, s.owners, s.race);
      expect({ id: s.id, verdict: s.verdict, because: s.because }, `cluster ${c}`).toEqual({
        id: s.id,
        verdict: fresh.verdict,
        because: fresh.because,
      });
      judged++;
    }
  }
  expect(judged).toBeGreaterThan(200);
});
