import { describe, expect, test } from "vitest";
import { backup, findings, instance, master, pair, script, silentOnCleanPairs } from "./helpers.js";

describe("priority-tie", () => {
  test("two nodes with one written priority: the backup is told to move below", () => {
    const found = pair(master({ priority: 150 }), backup({ priority: 150 }), "priority-tie");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "150", related: [{ file: "/master.conf", line: 5 }] });
    expect(found[0]!.fix).toMatchObject({ description: "use 149" });
  });

  test("priority +100 is 100 (as the validator and keepalived read it): kalint diff finds the tie it finds for priority 100", () => {
    const found = pair(master({ priority: "+100" }), backup({ priority: 100 }), "priority-tie");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "100", related: [{ file: "/master.conf", line: 5 }] });
  });

  test("no state and no priority on either node: both run at the default 100", () => {
    const found = pair(instance(), instance(), "priority-tie");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("priority 100 (keepalived's default)");
    expect(found[0]!.text).toBe("VI_1");
    expect(found[0]!.fix).toBeUndefined();
  });

  test("effective priority counts positive track weights: 100 + 10 ties with 110", () => {
    const chk = script("chk", "10");
    const found = pair(master({ priority: 110 }), backup({ priority: 100, extra: "track_script {\n    chk\n}" }, chk), "priority-tie");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("priority 110");
    // The fix moves the written base so the effective value lands on a free one (109 - 10).
    expect(found[0]!.fix).toMatchObject({ description: "use 99" });
  });

  test("three nodes where two backups tie: one finding, and the fix avoids every used value", () => {
    const found = findings("priority-tie", {
      "a.conf": master({ priority: 150 }),
      "b.conf": backup({ priority: 100 }),
      "c.conf": backup({ priority: 100 }),
    });
    expect(found.map((f) => f.file)).toEqual(["/c.conf"]);
    expect(found[0]!.fix).toMatchObject({ description: "use 99" });
  });

  test("three nodes all tied: the master keeps its value and both others are flagged with distinct fixes", () => {
    const found = findings("priority-tie", {
      "a.conf": master({ priority: 100 }),
      "b.conf": backup({ priority: 100 }),
      "c.conf": backup({ priority: 100 }),
    });
    expect(found.map((f) => f.file)).toEqual(["/b.conf", "/c.conf"]);
    expect(found.map((f) => f.fix?.description)).toEqual(["use 99", "use 98"]);
    expect(found[0]!.message).toContain("peers");
  });

  silentOnCleanPairs("priority-tie", test);
});
