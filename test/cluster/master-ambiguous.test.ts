import { describe, expect, test } from "vitest";
import { backup, findings, instance, master, pair, silentOnCleanPairs } from "./helpers.js";

describe("master-ambiguous", () => {
  test("two state MASTER nodes: the lower one is told, pointing at the other", () => {
    const found = pair(master({ priority: 150 }), master({ priority: 100 }), "master-ambiguous");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "MASTER", related: [{ file: "/master.conf" }] });
    expect(found[0]!.message).toContain("master.conf:2");
  });

  test("every node state BACKUP without nopreempt: reported at the highest priority's state", () => {
    const found = pair(backup({ priority: 100 }), backup({ priority: 150 }), "master-ambiguous");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/backup.conf", text: "BACKUP" });
    expect(found[0]!.message).toContain("priority 150");
  });

  test("all BACKUP with nopreempt is keepalived's documented way to stop preemption: silent", () => {
    expect(pair(backup({ priority: 100, extra: "nopreempt" }), backup({ priority: 150, extra: "nopreempt" }), "master-ambiguous")).toEqual(
      [],
    );
  });

  test("no state written at all: nothing is claimed, nothing is said", () => {
    expect(pair(instance({ priority: 100 }), instance({ priority: 150 }), "master-ambiguous")).toEqual([]);
  });

  test("three nodes, one MASTER: silent", () => {
    expect(findings("master-ambiguous", { "a.conf": master(), "b.conf": backup(), "c.conf": backup({ priority: 90 }) })).toEqual([]);
  });

  silentOnCleanPairs("master-ambiguous", test);
});
