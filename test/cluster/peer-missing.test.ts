import { describe, expect, test } from "vitest";
import { backup, findings, master, pair, silentOnCleanPairs } from "./helpers.js";

describe("peer-missing", () => {
  test("a second instance only on the master", () => {
    const found = pair(master() + master({ name: "DB", vrid: 60, vips: ["10.0.0.200/24"] }), backup(), "peer-missing");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/master.conf", text: "DB" });
    expect(found[0]!.message).toContain("has no peer on /backup.conf");
  });

  test("different name, addresses and VRID: nothing pairs, both sides are reported", () => {
    const found = pair(
      master({ name: "A", vrid: 1, vips: ["10.0.0.1"] }),
      backup({ name: "B", vrid: 2, vips: ["10.0.0.2"] }),
      "peer-missing",
    );
    expect(found.map((f) => [f.file, f.text])).toEqual([
      ["/master.conf", "A"],
      ["/backup.conf", "B"],
    ]);
  });

  test("paired by VRID on the same interface when names and addresses differ", () => {
    expect(
      pair(master({ name: "A", vrid: 9, vips: ["10.0.0.1"] }), backup({ name: "B", vrid: 9, vips: ["10.0.0.2"] }), "peer-missing"),
    ).toEqual([]);
  });

  test("an instance present on two of three nodes has a peer", () => {
    expect(
      findings("peer-missing", {
        "a.conf": master(),
        "b.conf": backup(),
        "c.conf": backup({ name: "X", vrid: 70, vips: ["10.9.9.9"] }),
      }).map((f) => f.file),
    ).toEqual(["/c.conf"]);
  });

  silentOnCleanPairs("peer-missing", test);
});
