import { describe, expect, test } from "vitest";
import { backup, instance, master, pair, script, silentOnCleanPairs } from "./helpers.js";

describe("priority-inverted", () => {
  test("state MASTER at 90 under a state BACKUP at 100 points at the master's priority", () => {
    const found = pair(master({ priority: 90 }), backup({ priority: 100 }), "priority-inverted");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/master.conf", text: "90", related: [{ file: "/backup.conf" }] });
  });

  test("a state MASTER with no priority is 255 and never inverted, but one with 100 under a backup's 200 is", () => {
    expect(pair(instance({ state: "MASTER" }), backup({ priority: 200 }), "priority-inverted")).toEqual([]);
    const found = pair(backup({ priority: 200 }), master({ priority: 100 }), "priority-inverted");
    expect(found.map((f) => [f.file, f.text])).toEqual([["/backup.conf", "100"]]);
  });

  test("a backup whose positive track weight lifts it above the master counts", () => {
    const found = pair(
      master({ priority: 105 }),
      backup({ priority: 100, extra: "track_script {\n    chk weight 10\n}" }, script("chk")),
      "priority-inverted",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("below the state BACKUP peer's 110");
  });

  test("no state on either side: nothing to invert", () => {
    expect(pair(instance({ priority: 90 }), instance({ priority: 100 }), "priority-inverted")).toEqual([]);
  });

  silentOnCleanPairs("priority-inverted", test);
});
