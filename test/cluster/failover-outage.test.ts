import { describe, expect, it } from "vitest";
import { findings } from "./helpers.js";
import { B, M, nodeText, script } from "../lab/cases.js";

/** A node tracking each of `tracks` with weight -30 (lab cases' builder: script 7 lines each, then the instance). */
const node = (state: "MASTER" | "BACKUP", priority: number, tracks: string[], extra: string[] = []) =>
  nodeText({ top: tracks.map((t) => script(t, -30)), instances: [(state === "MASTER" ? M : B)({ priority, tracks, extra })] });

describe("failover-outage", () => {
  it("names the scenario whose failure leaves the address where the check failed", () => {
    const seen = findings("failover-outage", {
      "lb1.conf": node("MASTER", 150, ["chk_a", "chk_b"]),
      "lb2.conf": node("BACKUP", 100, ["chk_a", "chk_b"]),
    });
    // Failing one check (150 - 30 = 120) keeps lb1 above lb2's 100; failing both (90) moves the address.
    expect(seen.map((s) => [s.file, s.line, s.text])).toEqual([
      ["/lb1.conf", 25, "chk_a"],
      ["/lb1.conf", 26, "chk_b"],
    ]);
    expect(seen[0]!.message).toBe(
      "when script chk_a fails on lb1 (scenario fail:lb1:chk_a): no failover; lb1's priority falls from 150 to 120 (chk_a -30), not below lb2's 100: 192.0.2.100 stays where the tracked service is down",
    );
    expect(seen[0]!.related).toEqual([{ file: "/lb1.conf", line: 25 }]);
  });

  it("is silent on a clean pair", () => {
    expect(findings("failover-outage", { "lb1.conf": node("MASTER", 150, ["chk_a"]), "lb2.conf": node("BACKUP", 100, ["chk_a"]) })).toEqual(
      [],
    );
  });

  it("leaves to track-weight-insufficient the node whose tracks can never move the address", () => {
    const files = { "lb1.conf": node("MASTER", 200, ["chk_a"]), "lb2.conf": node("BACKUP", 100, ["chk_a"]) };
    expect(findings("track-weight-insufficient", files)).toHaveLength(1);
    expect(findings("failover-outage", files)).toEqual([]);
  });

  it("leaves a split brain in steady state to the mismatch rules", () => {
    const files = { "lb1.conf": node("MASTER", 150, ["chk_a"]), "lb2.conf": node("BACKUP", 100, ["chk_a"], ["advert_int 2"]) };
    expect(findings("advert-int-mismatch", files)).toHaveLength(1);
    expect(findings("failover-outage", files)).toEqual([]);
  });
});
