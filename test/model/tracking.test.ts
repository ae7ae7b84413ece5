/** Single-node VRRP semantics of the model: track weights, the priorities they reach, faults. */
import { describe, expect, test } from "vitest";
import { preprocess } from "../../grammar/index.js";
import { buildModel } from "../../server/src/model/build.js";
import { effectiveTracks, healthyPriority, priorityRange, trackEffect, weightsApply } from "../../server/src/model/tracking.js";
import { memoryHost } from "../support/memory-host.js";

function node(text: string) {
  const host = memoryHost({ "/k.conf": text });
  const model = buildModel(preprocess("/k.conf", { host }).file);
  return { model, instance: model.instances[0]! };
}

const scripts = `vrrp_script chk_up {\n    script "/bin/true"\n    weight 20\n}\nvrrp_script chk_down {\n    script "/bin/true"\n    weight -30\n}\nvrrp_script chk_fault {\n    script "/bin/true"\n}\n`;
const instance = (body: string) => `${scripts}vrrp_instance VI_1 {\n    priority 100\n${body}\n}\n`;

describe("effective tracks", () => {
  test("a weight comes from the track line, else the object, else keepalived's default (0 for scripts)", () => {
    const { model, instance: i } = node(
      instance("    track_script {\n        chk_up\n        chk_down weight -5\n        chk_fault\n    }"),
    );
    expect(effectiveTracks(model, i).map((t) => [t.name, t.weight, t.weightFrom])).toEqual([
      ["chk_up", 20, "object"],
      ["chk_down", -5, "line"],
      ["chk_fault", 0, "default"],
    ]);
  });

  test("a track line's weight keepalived cannot read (over 254) falls back to the object's; ±254 on a script runs as ±253", () => {
    const { model, instance: i } = node(instance("    track_script {\n        chk_up weight 300\n        chk_down weight -254\n    }"));
    expect(effectiveTracks(model, i).map((t) => t.weight)).toEqual([20, -253]);
  });

  test("inside a sync group weights do not apply unless sync_group_tracking_weight is set", () => {
    const group = (flag: string) =>
      `${instance("    track_script {\n        chk_up\n    }")}vrrp_sync_group G {\n    group {\n        VI_1\n    }\n${flag}}\n`;
    const plain = node(group(""));
    expect(weightsApply(plain.instance)).toBe(false);
    expect(effectiveTracks(plain.model, plain.instance).map((t) => t.weight)).toEqual([0]);
    const flagged = node(group("    sync_group_tracking_weight\n"));
    expect(weightsApply(flagged.instance)).toBe(true);
    expect(effectiveTracks(flagged.model, flagged.instance).map((t) => t.weight)).toEqual([20]);
  });
});

describe("priorities", () => {
  const { model, instance: i } = node(instance("    track_script {\n        chk_up\n        chk_down\n        chk_fault\n    }"));
  test("priorityRange: from every lowering track applied to every raising one, clamped to 1..254", () => {
    expect(priorityRange(model, i)).toMatchObject({ base: 100, lowest: 70, highest: 120, owner: false });
    const low = node(instance("    track_script {\n        chk_down weight -253\n    }"));
    expect(priorityRange(low.model, low.instance).lowest).toBe(1);
  });

  test("reverse negates the weight (vrrp_track.c weight_multiplier): a reversed +20 lowers while the object is up", () => {
    const rev = node(instance("    track_script {\n        chk_up reverse\n        chk_down reverse\n    }"));
    expect(priorityRange(rev.model, rev.instance)).toMatchObject({ base: 100, lowest: 80, highest: 130 });
    expect(healthyPriority(rev.model, rev.instance)).toBe(80);
    expect(healthyPriority(model, i)).toBe(120);
    expect([false, true].map((failing) => trackEffect({ kind: "script", weight: 20, reverse: true }, failing))).toEqual([-20, 0]);
    expect([false, true].map((failing) => trackEffect({ kind: "script", weight: -30, reverse: true }, failing))).toEqual([0, 30]);
    expect([false, true].map((failing) => trackEffect({ kind: "interface", weight: 0, reverse: true }, failing))).toEqual(["fault", 0]);
  });

  test("the address owner (255) ignores weights", () => {
    const owner = node(`${scripts}vrrp_instance VI_1 {\n    state MASTER\n    track_script {\n        chk_down\n    }\n}\n`);
    expect(priorityRange(owner.model, owner.instance)).toMatchObject({ base: 255, lowest: 255, highest: 255, owner: true });
  });
});
