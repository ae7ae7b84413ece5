import { describe, expect, test } from "vitest";
import { backup, findings, master, pair, silentOnCleanPairs } from "./helpers.js";
import { loadNode } from "../../server/src/cluster/nodes.js";
import type { Version } from "../../server/src/schema/types.js";
import { memoryHost } from "../support/memory-host.js";

describe("vip-mismatch", () => {
  test("an address missing on the backup", () => {
    const found = pair(master({ vips: ["10.0.0.100/24", "10.0.0.101/24"] }), backup({ vips: ["10.0.0.100/24"] }), "vip-mismatch");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "virtual_ipaddress", related: [{ file: "/master.conf" }] });
    expect(found[0]!.message).toContain("missing 10.0.0.101/24");
  });

  test("a different prefix is a different address; dev and label are not compared", () => {
    const found = pair(master({ vips: ["10.0.0.100/24 dev eth0"] }), backup({ vips: ["10.0.0.100/25 dev ens3"] }), "vip-mismatch");
    expect(found[0]!.message).toContain("missing 10.0.0.100/24; extra 10.0.0.100/25");
    expect(
      pair(master({ vips: ["10.0.0.100/24 dev eth0 label eth0:a"] }), backup({ vips: ["10.0.0.100/24 dev ens3"] }), "vip-mismatch"),
    ).toEqual([]);
  });

  test("no prefix means the host prefix: 10.0.0.7 and 10.0.0.7/32 are one address", () => {
    expect(pair(master({ vips: ["10.0.0.7"] }), backup({ vips: ["10.0.0.7/32"] }), "vip-mismatch")).toEqual([]);
  });

  test("IPv6 written two ways is one address", () => {
    expect(pair(master({ vips: ["2001:DB8::1/64"] }), backup({ vips: ["2001:db8:0::1/64"] }), "vip-mismatch")).toEqual([]);
  });

  test("entries that are no address (template placeholders) are left to the file check; real ones still count", () => {
    expect(
      pair(master({ vips: ["10.0.0.100/24", "<public ip>"] }), backup({ vips: ["10.0.0.100/24", "<virtual ip>"] }), "vip-mismatch"),
    ).toEqual([]);
    const found = pair(master({ vips: ["10.0.0.100/24", "<public ip>"] }), backup({ vips: ["10.0.0.101/24"] }), "vip-mismatch");
    expect(found[0]!.message).toContain("missing 10.0.0.100/24; extra 10.0.0.101/24");
  });

  silentOnCleanPairs("vip-mismatch", test);
});

describe("vip-mismatch consequences (as the lab shows on keepalived 2.2.7)", () => {
  const files = { "master.conf": master({ vips: ["10.0.0.100/24", "10.0.0.101/24"] }), "backup.conf": backup({ vips: ["10.0.0.100/24"] }) };
  const at = (version: Version) => {
    const host = memoryHost(Object.fromEntries(Object.entries(files).map(([p, t]) => [`/${p}`, t])));
    return findings(
      "vip-mismatch",
      Object.keys(files).map((p) => loadNode(`/${p}`, { host, targetVersion: version })),
    );
  };

  test("different addresses before 2.3.3: split brain in steady state, an error", () => {
    const found = at([2, 2, 7]);
    expect(found[0]).toMatchObject({ severity: "error" });
    expect(found[0]!.message).toContain("each node drops the other's adverts and both are master in steady state (split brain)");
  });

  test("different addresses from 2.3.3: failover happens, the missing addresses are lost, an error", () => {
    const found = at([2, 4, 3]);
    expect(found[0]).toMatchObject({ severity: "error" });
    expect(found[0]!.message).toContain(
      "still accepts the adverts, so failover happens, but after it clients lose the addresses this node does not carry",
    );
  });

  test("prefix lengths only: failover works, a warning", () => {
    const found = pair(master({ vips: ["10.0.0.100/24"] }), backup({ vips: ["10.0.0.100/32"] }), "vip-mismatch");
    expect(found[0]).toMatchObject({ severity: "warning" });
    expect(found[0]!.message).toContain("only in prefix lengths");
  });
});
