import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "implicit-owner-priority";

test("state MASTER without priority is reported as info, with a fix writing priority 255 under state", () => {
  const text = example("implicit-owner-priority", "wrong");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text, f.severity])).toEqual([[2, "state", "info"]]);
  expect(found[0]!.message).toContain("keepalived gives it 255");
  expect(applyFix(text, found[0]!.fix!)).toBe(text.replace("    state MASTER\n", "    state MASTER\n    priority 255\n"));
  expect(findings(code, applyFix(text, found[0]!.fix!))).toEqual([]);
});

test("an explicit priority, or state BACKUP, is not reported", () => {
  expect(findings(code, example("implicit-owner-priority", "right"))).toEqual([]);
  expect(findings(code, example("implicit-owner-priority", "wrong").replace("MASTER", "BACKUP"))).toEqual([]);
});

test("a state line under an @id condition gets no fix", () => {
  const text = "vrrp_instance A {\n@lb1 state MASTER\n interface eth0\n virtual_router_id 1\n}\n";
  const found = findings(code, text, {}, { configId: "lb1" });
  expect(found).toHaveLength(1);
  expect(found[0]!.fix).toBeUndefined();
});
