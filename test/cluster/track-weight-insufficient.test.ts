import { describe, expect, test } from "vitest";
import { backup, findings, master, pair, script, silentOnCleanPairs } from "./helpers.js";

const tracks = (block: string, ...lines: string[]) => `${block} {\n${lines.map((l) => `    ${l}`).join("\n")}\n}`;

describe("track-weight-insufficient", () => {
  test("master 150 with a -20 script against a backup at 100: 130 stays above, the fix offers -51", () => {
    const found = pair(
      master({ priority: 150, extra: tracks("track_script", "chk weight -20") }, script("chk")),
      backup({ priority: 100 }),
      "track-weight-insufficient",
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: "/master.conf", text: "chk weight -20", related: [{ file: "/backup.conf" }] });
    expect(found[0]!.message).toContain("only falls to 130 (150 - 20 = 130)");
    expect(found[0]!.fix).toMatchObject({ description: "use weight -51", edits: [{ newText: "-51" }] });
  });

  test("falling exactly to the backup's priority is a tie, not a failover", () => {
    const found = pair(
      master({ priority: 101, extra: tracks("track_interface", "eth1 weight -1") }),
      backup({ priority: 100 }),
      "track-weight-insufficient",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toMatchObject({ description: "use weight -2" });
  });

  test("the vrrp_script's own weight applies when the track line has none", () => {
    const chk = script("chk", "-10");
    const found = pair(
      master({ priority: 150, extra: tracks("track_script", "chk") }, chk),
      backup({ priority: 100 }),
      "track-weight-insufficient",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("track_script chk -10");
    // The weight lives in the vrrp_script, not on the track line, so no one-word fix.
    expect(found[0]!.fix).toBeUndefined();
  });

  test("every kind counts: script, interface, process and file weights add up", () => {
    const defs = script("chk") + "vrrp_track_process nginx {\n    process nginx\n}\ntrack_file flag {\n    file /run/flag\n}\n";
    const lines = [
      tracks("track_script", "chk weight -10"),
      tracks("track_interface", "eth1 weight -10"),
      tracks("track_process", "nginx weight -10"),
      tracks("track_file", "flag weight -10"),
    ].join("\n");
    // 150 - 40 = 110, still above 100.
    const found = pair(master({ priority: 150, extra: lines }, defs), backup({ priority: 100 }), "track-weight-insufficient");
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("150 - 10 - 10 - 10 - 10 = 110");
    // At 139 the same tracks cross the gap (99 < 100); at 140 they would only tie.
    expect(pair(master({ priority: 139, extra: lines }, defs), backup({ priority: 100 }), "track-weight-insufficient")).toEqual([]);
  });

  test("reverse negates the weight (keepalived's weight multiplier -1), as the simulation runs it", () => {
    // A reversed -20 adds 20 while eth1 is down: it can only raise the master.
    const found = pair(
      master({ priority: 150, extra: tracks("track_interface", "eth1 weight -20 reverse") }),
      backup({ priority: 100 }),
      "track-weight-insufficient",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("track_interface eth1 -20 reverse");
    expect(found[0]!.message).toContain("falls to 150 (150 with no track that lowers it)");
    expect(found[0]!.fix).toBeUndefined();
    // A reversed +30 takes 30 off while eth1 is up: 110 - 30 = 80 < 100, failover works.
    expect(
      pair(
        master({ priority: 110, extra: tracks("track_interface", "eth1 weight 30 reverse") }),
        backup({ priority: 100 }),
        "track-weight-insufficient",
      ),
    ).toEqual([]);
    const weak = pair(
      master({ priority: 140, extra: tracks("track_interface", "eth1 weight 30 reverse") }),
      backup({ priority: 100 }),
      "track-weight-insufficient",
    );
    expect(weak[0]!.message).toContain("falls to 110 (140 - 30 = 110)");
  });

  test("positive weights: the backup's succeeding tracks raise it, the master's failing tracks lose their bonus", () => {
    const chk = script("chk", "5");
    const trackChk = tracks("track_script", "chk");
    // Master 110 + 5 healthy, 110 failed; backup 100 + 5 = 105: 110 never falls below 105.
    const found = pair(
      master({ priority: 110, extra: trackChk }, chk),
      backup({ priority: 100, extra: trackChk }, chk),
      "track-weight-insufficient",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("not below the backup's 105 with its tracks succeeding");
    // With the master at 104 the failure drops it to 104 < 105: failover works.
    expect(
      pair(master({ priority: 104, extra: trackChk }, chk), backup({ priority: 100, extra: trackChk }, chk), "track-weight-insufficient"),
    ).toEqual([]);
  });

  test("priority 255 owns the addresses and keepalived ignores its weights", () => {
    const found = pair(
      master({ priority: 255, extra: tracks("track_interface", "eth1 weight -100") }),
      backup({ priority: 100 }),
      "track-weight-insufficient",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain("address owner");
  });

  test("the best of several backups decides: clamping to 254 included", () => {
    const up = script("up", "100");
    const found = findings("track-weight-insufficient", {
      "a.conf": master({ priority: 250, extra: tracks("track_interface", "eth1 weight -20") }),
      "b.conf": backup({ priority: 100 }),
      "c.conf": backup({ priority: 200, extra: tracks("track_script", "up") }, up),
    });
    // c reaches 300, clamped to 254; the master falls to 230 < 254, so failover works.
    expect(found).toEqual([]);
  });

  test("zero-weight tracks put the node in FAULT, so there is no arithmetic to check", () => {
    expect(
      pair(master({ priority: 150, extra: tracks("track_interface", "eth1") }), backup({ priority: 100 }), "track-weight-insufficient"),
    ).toEqual([]);
  });

  test("in a sync group without sync_group_tracking_weight the weights are dropped (FAULT instead)", () => {
    const group = "vrrp_sync_group G {\n    group {\n        VI_1\n    }\n}\n";
    const m = master({ priority: 150, extra: tracks("track_interface", "eth1 weight -20") }) + group;
    expect(pair(m, backup({ priority: 100 }) + group, "track-weight-insufficient")).toEqual([]);
    const weighted = m.replace("    group {", "    sync_group_tracking_weight\n    group {");
    expect(pair(weighted, backup({ priority: 100 }) + group, "track-weight-insufficient")).toHaveLength(1);
  });

  silentOnCleanPairs("track-weight-insufficient", test);
});
