import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "weighted-track-in-sync-group";

test("a weighted track_script on a sync group member", () => {
  const found = findings(code, example("weighted-track-in-sync-group", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[26, "chk_haproxy"]]);
  expect(found[0]!.message).toContain(
    "track_script 'chk_haproxy' has weight -20, but vrrp_instance 'VI_outside' is in sync group 'G_edge'",
  );
});

test("an unweighted track is fine; sync_group_tracking_weight makes weights count", () => {
  expect(findings(code, example("weighted-track-in-sync-group", "right"))).toEqual([]);
  const text = example("weighted-track-in-sync-group", "wrong").replace(
    "vrrp_sync_group G_edge {\n",
    "vrrp_sync_group G_edge {\n    sync_group_tracking_weight\n",
  );
  expect(findings(code, text)).toEqual([]);
});

test("a weight from the tracked object's definition counts, including track_file's default of 1", () => {
  const base = example("weighted-track-in-sync-group", "right");
  const scriptWeight = base.replace("    interval 2\n", "    interval 2\n    weight -30\n");
  expect(findings(code, scriptWeight)[0]!.message).toContain("has weight -30 (from its definition)");
  const file = base
    .replace("vrrp_sync_group", "track_file flag {\n    file /run/flag\n}\n\nvrrp_sync_group")
    .replace(
      "track_script {\n        chk_haproxy\n    }",
      "track_script {\n        chk_haproxy\n    }\n    track_file {\n        flag\n    }",
    );
  expect(findings(code, file).map((f) => f.text)).toEqual(["flag"]);
  expect(findings(code, file.replace("        flag\n", "        flag weight 0\n"))).toEqual([]);
});

test("the object's last weight line is the one keepalived keeps", () => {
  const base = example("weighted-track-in-sync-group", "right");
  const zeroLast = base.replace("    interval 2\n", "    interval 2\n    weight -30\n    weight 0\n");
  expect(findings(code, zeroLast)).toEqual([]);
  const weightLast = base.replace("    interval 2\n", "    interval 2\n    weight 0\n    weight +15\n");
  expect(findings(code, weightLast)[0]!.message).toContain("has weight 15 (from its definition)");
});
