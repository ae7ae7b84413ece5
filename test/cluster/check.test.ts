import { describe, expect, test } from "vitest";
import { checkFleet } from "../../server/src/cluster/check.js";
import { loadNode } from "../../server/src/cluster/nodes.js";
import { memoryHost } from "../support/memory-host.js";
import { backup, fleetOfNodes, master } from "./helpers.js";

function run(m: string, b: string, rules: Record<string, "off" | "error" | "warning" | "info"> = {}) {
  const host = memoryHost({ "/m.conf": m, "/b.conf": b });
  const nodes = [loadNode("/m.conf", { host, rules }), loadNode("/b.conf", { host, rules })];
  return checkFleet(fleetOfNodes(nodes)).map((d) => `${d.file.path}:${d.file.positionAt(d.start).line + 1} ${d.severity} ${d.code}`);
}

describe("settling cluster findings", () => {
  test("a disable comment on the backup silences the finding there, and is not reported as unused", () => {
    const b = backup({ vrid: 52 }).replace(
      "    virtual_router_id 52",
      "    # kalint disable=vrid-mismatch -- renumbering in progress\n    virtual_router_id 52",
    );
    const out = run(master({ vrid: 51 }), b);
    expect(out.filter((x) => /vrid-mismatch|unused-suppression/.test(x))).toEqual([]);
  });

  test("a disable comment that silences nothing is still reported once", () => {
    const b = backup().replace("    virtual_router_id 51", "    # kalint disable=vrid-mismatch\n    virtual_router_id 51");
    expect(run(master(), b).filter((x) => x.includes("unused-suppression"))).toEqual(["/b.conf:4 warning unused-suppression"]);
  });

  test("severity settings apply to cluster codes; off removes them", () => {
    expect(
      run(master({ priority: 100 }), backup({ priority: 100 }), { "priority-tie": "error" }).filter((x) => x.includes("priority-tie")),
    ).toEqual(["/b.conf:5 error priority-tie"]);
    expect(
      run(master({ priority: 100 }), backup({ priority: 100 }), { "priority-tie": "off" }).filter((x) => x.includes("priority-tie")),
    ).toEqual([]);
  });

  test("single-file diagnostics of both nodes are included, each once even when one file is read per @id", () => {
    const text =
      "vrrp_instance VI_1 {\n    bogus_keyword 1\n    interface eth0\n@a    state MASTER\n@b    state BACKUP\n    virtual_router_id 3\n    virtual_ipaddress {\n        10.0.0.1\n    }\n}\n";
    const host = memoryHost({ "/c.conf": text });
    const nodes = ["a", "b"].map((id) => loadNode("/c.conf", { host, configId: id }));
    const out = checkFleet(fleetOfNodes(nodes)).filter((d) => d.code === "unknown-keyword");
    expect(out).toHaveLength(1);
  });
});
