import { describe, expect, test } from "vitest";
import { groupIntoClusters, summarize } from "../../server/src/cluster/fleet.js";
import { backup, master, readNodes } from "./helpers.js";

describe("grouping files into clusters", () => {
  test("files sharing a virtual address are one cluster; the rest stand alone", () => {
    const fleet = groupIntoClusters(
      readNodes({
        "web1.conf": master({ vips: ["10.0.0.10/24"] }),
        "db1.conf": master({ name: "DB", vrid: 60, vips: ["10.0.0.20/24"] }),
        "web2.conf": backup({ vips: ["10.0.0.10/24"] }),
        "db2.conf": backup({ name: "DB", vrid: 60, vips: ["10.0.0.20/24"] }),
        "lonely.conf": master({ name: "L", vrid: 70, vips: ["10.0.9.9/24"] }),
      }),
    );
    expect(fleet.clusters.map((c) => c.nodes.map((n) => n.path))).toEqual([
      ["/web1.conf", "/web2.conf"],
      ["/db1.conf", "/db2.conf"],
      ["/lonely.conf"],
    ]);
  });

  test("one shared address is enough, and rc-file peers join files with nothing in common", () => {
    const nodes = readNodes({
      "a.conf": master({ vips: ["10.0.0.1", "10.0.0.2"] }),
      "b.conf": backup({ vips: ["10.0.0.2"] }),
      "c.conf": backup({ vips: ["10.5.0.1"] }),
    });
    expect(groupIntoClusters(nodes).clusters.map((c) => c.nodes.length)).toEqual([2, 1]);
    expect(groupIntoClusters(nodes, [["/a.conf", "/c.conf"]]).clusters.map((c) => c.nodes.length)).toEqual([3]);
  });

  test("the summary lists nodes and each instance's VRID, segment and addresses", () => {
    const fleet = groupIntoClusters(
      readNodes({ "a.conf": master({ vrid: 9, vips: ["10.0.0.10/24"] }), "b.conf": backup({ vrid: 9, vips: ["10.0.0.10/24"] }) }),
    );
    expect(summarize(fleet.clusters[0]!)).toEqual({
      nodes: ["/a.conf", "/b.conf"],
      instances: [{ name: "VI_1", vrid: 9, segment: "10.0.0.0/24", vips: ["10.0.0.10"], nodes: 2 }],
    });
  });
});
