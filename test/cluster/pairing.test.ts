import { describe, expect, test } from "vitest";
import { pairInstances, masterOf } from "../../server/src/cluster/pairing.js";
import { backup, instance, master, readNodes } from "./helpers.js";

const sets = (files: Record<string, string>) =>
  pairInstances(readNodes(files)).map((s) => s.peers.map((p) => `${p.node.path}:${p.instance.name}`));

describe("pairing instances across nodes", () => {
  test("by name first, even when addresses would pair them differently", () => {
    expect(
      sets({
        "a.conf": master({ name: "X", vips: ["10.0.0.1"] }) + master({ name: "Y", vrid: 52, vips: ["10.0.0.2"] }),
        "b.conf": backup({ name: "Y", vrid: 52, vips: ["10.0.0.1"] }) + backup({ name: "X", vips: ["10.0.0.2"] }),
      }),
    ).toEqual([
      ["/a.conf:X", "/b.conf:X"],
      ["/a.conf:Y", "/b.conf:Y"],
    ]);
  });

  test("then by address set, then by VRID on the same interface name", () => {
    expect(
      sets({
        "a.conf": master({ name: "A1", vrid: 10, vips: ["10.0.0.1"] }) + master({ name: "A2", vrid: 20, vips: ["10.0.0.2"] }),
        "b.conf": backup({ name: "B1", vrid: 11, vips: ["10.0.0.1"] }) + backup({ name: "B2", vrid: 20, vips: ["10.0.0.9"] }),
      }),
    ).toEqual([
      ["/a.conf:A1", "/b.conf:B1"],
      ["/a.conf:A2", "/b.conf:B2"],
    ]);
  });

  test("the same VRID on different interface names does not pair", () => {
    expect(
      sets({
        "a.conf": master({ name: "A", iface: "eth0", vips: ["10.0.0.1"] }),
        "b.conf": backup({ name: "B", iface: "eth1", vips: ["10.0.0.2"] }),
      }),
    ).toEqual([["/a.conf:A"], ["/b.conf:B"]]);
  });

  test("the master is the one state MASTER peer, else the highest priority, else the first node", () => {
    const [s1] = pairInstances(readNodes({ "a.conf": backup(), "b.conf": master() }));
    expect(masterOf(s1!).node.path).toBe("/b.conf");
    const [s2] = pairInstances(readNodes({ "a.conf": instance({ priority: 50 }), "b.conf": instance({ priority: 60 }) }));
    expect(masterOf(s2!).node.path).toBe("/b.conf");
    const [s3] = pairInstances(readNodes({ "a.conf": instance(), "b.conf": instance() }));
    expect(masterOf(s3!).node.path).toBe("/a.conf");
  });
});
