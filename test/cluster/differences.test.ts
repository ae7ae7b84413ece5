import { describe, expect, test } from "vitest";
import { structuralDifferences } from "../../server/src/cluster/differences.js";
import { buildCluster } from "../../server/src/cluster/pairing.js";
import { CLEAN_PAIRS, backup, master, readNodes } from "./helpers.js";

function diff(m: string, b: string) {
  const nodes = readNodes({ "master.conf": m, "backup.conf": b });
  return structuralDifferences(nodes[0]!, nodes[1]!, buildCluster(nodes).peerSets);
}

describe("structural differences", () => {
  test("state, priority, router_id and interface are expected; auth and VRID are not", () => {
    const [m, b] = CLEAN_PAIRS["interface names differ"]!;
    expect(diff(m, b)).toEqual([
      { path: "global_defs > router_id", master: "LB_A", backup: "LB_B", expected: true },
      { path: "vrrp_instance VI_1 > state", master: "MASTER", backup: "BACKUP", expected: true },
      { path: "vrrp_instance VI_1 > interface", master: "eth0", backup: "ens3", expected: true },
      { path: "vrrp_instance VI_1 > priority", master: "150", backup: "100", expected: true },
    ]);
    expect(diff(master({ vrid: 1, auth: { type: "PASS", pass: "a" } }), backup({ vrid: 2, auth: { type: "PASS", pass: "b" } }))).toEqual(
      expect.arrayContaining([
        { path: "vrrp_instance VI_1 > virtual_router_id", master: "1", backup: "2", expected: false },
        { path: "vrrp_instance VI_1 > authentication > auth_pass", master: "a", backup: "b", expected: false },
      ]),
    );
  });

  test("unicast peers are compared as sets and are expected to differ", () => {
    const [m, b] = CLEAN_PAIRS["unicast source and peer swapped"]!;
    expect(diff(m, b).filter((d) => !["state", "priority"].some((k) => d.path.endsWith(k)))).toEqual([
      { path: "vrrp_instance VI_1 > unicast_src_ip", master: "10.0.0.1", backup: "10.0.0.2", expected: true },
      { path: "vrrp_instance VI_1 > unicast_peer", master: "10.0.0.2", backup: "10.0.0.1", expected: true },
    ]);
  });

  test("instances paired by address line up under the master's name; the name difference is listed", () => {
    const out = diff(master({ name: "WEB", vips: ["10.0.0.5"] }), backup({ name: "WEB_B", vips: ["10.0.0.5"] }));
    expect(out).toContainEqual({ path: "vrrp_instance WEB > (name)", master: "WEB", backup: "WEB_B", expected: false });
    expect(out).toContainEqual({ path: "vrrp_instance WEB > priority", master: "150", backup: "100", expected: true });
  });

  test("a block on one side only, and VIPs regardless of order", () => {
    const out = diff(
      master({ vips: ["10.0.0.1", "10.0.0.2"] }) + "virtual_server 10.0.0.1 80 {\n}\n",
      backup({ vips: ["10.0.0.2", "10.0.0.1"] }),
    );
    expect(out.filter((d) => !d.expected)).toEqual([
      { path: "virtual_server 10.0.0.1 80", master: "{ … }", backup: null, expected: false },
    ]);
  });
});
