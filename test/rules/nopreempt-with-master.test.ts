import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "nopreempt-with-master";

test("nopreempt with state MASTER is reported at nopreempt with an unsafe fix to state BACKUP", () => {
  const text = example("nopreempt-with-master", "wrong");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[6, "nopreempt"]]);
  expect(found[0]!.message).toContain("nopreempt has no effect in vrrp_instance 'VI_1' with state MASTER");
  expect(found[0]!.fix!.safe).toBe(false);
  expect(applyFix(text, found[0]!.fix!)).toBe(example("nopreempt-with-master", "right"));
});

test("state BACKUP with nopreempt is the working setup", () => {
  expect(findings(code, example("nopreempt-with-master", "right"))).toEqual([]);
});

test("preempt_delay is cleared the same way", () => {
  const text = example("nopreempt-with-master", "right").replace("state BACKUP", "state MASTER").replace("nopreempt", "preempt_delay 30");
  expect(findings(code, text).map((f) => f.text)).toEqual(["preempt_delay"]);
});
