import { describe, expect, test } from "vitest";
import { backup, fleetFindings, master, silentOnCleanPairs } from "./helpers.js";

describe("fleet-vrid-collision", () => {
  test("two clusters on 10.0.0.0/24 with VRID 51: the second moves, to the lowest free VRID, on both its nodes", () => {
    const found = fleetFindings("fleet-vrid-collision", {
      "web-a.conf": master({ vrid: 51, vips: ["10.0.0.100/24"] }),
      "web-b.conf": backup({ vrid: 51, vips: ["10.0.0.100/24"] }),
      "db-a.conf": master({ name: "DB", vrid: 51, vips: ["10.0.0.200/24"] }) + master({ name: "DB2", vrid: 1, vips: ["10.0.0.201/24"] }),
      "db-b.conf": backup({ name: "DB", vrid: 51, vips: ["10.0.0.200/24"] }) + backup({ name: "DB2", vrid: 1, vips: ["10.0.0.201/24"] }),
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/db-a.conf", text: "51", related: [{ file: "/web-a.conf" }] });
    expect(found[0]!.message).toContain("VRID 51 on segment 10.0.0.0/24");
    expect(found[0]!.message).toContain("VRID 2 is free");
    expect(found[0]!.fix?.edits.map((e) => [e.file, e.newText])).toEqual([
      ["/db-a.conf", "2"],
      ["/db-b.conf", "2"],
    ]);
  });

  test("addresses without a prefix are taken to share their /24; IPv6 their /64", () => {
    const found = fleetFindings("fleet-vrid-collision", {
      "a1.conf": master({ vrid: 7, vips: ["192.168.7.10"] }),
      "a2.conf": backup({ vrid: 7, vips: ["192.168.7.10"] }),
      "b1.conf": master({ vrid: 7, vips: ["192.168.7.20"] }),
      "c1.conf": master({ vrid: 8, vips: ["fd00:1::10"] }),
      "d1.conf": master({ vrid: 8, vips: ["fd00:1::20"] }),
    });
    expect(found.map((f) => f.file)).toEqual(["/b1.conf", "/d1.conf"]);
  });

  test("different segments may reuse a VRID; so may two unicast-only clusters", () => {
    const uni = (src: string, peer: string) => `unicast_src_ip ${src}\nunicast_peer {\n    ${peer}\n}`;
    expect(
      fleetFindings("fleet-vrid-collision", {
        "a.conf": master({ vrid: 5, vips: ["10.1.0.10/24"] }),
        "b.conf": master({ vrid: 5, vips: ["10.2.0.10/24"] }),
        "c.conf": master({ vrid: 6, vips: ["10.3.0.10/24"], extra: uni("10.3.0.1", "10.3.0.2") }),
        "d.conf": master({ vrid: 6, vips: ["10.3.0.20/24"], extra: uni("10.3.0.3", "10.3.0.4") }),
      }),
    ).toEqual([]);
  });

  silentOnCleanPairs("fleet-vrid-collision", test);
});
