import { expect, test } from "vitest";
import { applyFix, findings, fixture } from "./helpers.js";

const code = "nopreempt-with-master";

test("nopreempt with state MASTER is reported at nopreempt with an unsafe fix to state BACKUP", () => {
  const text = fixture("nopreempt-with-master.bad.conf");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[6, "nopreempt"]]);
  expect(found[0]!.message).toContain("nopreempt has no effect in vrrp_instance 'VI_1' with state MASTER");
  expect(found[0]!.fix!.safe).toBe(false);
  expect(applyFix(text, found[0]!.fix!)).toBe(fixture("nopreempt-with-master.good.conf"));
});

test("state BACKUP with nopreempt is the working setup", () => {
  expect(findings(code, fixture("nopreempt-with-master.good.conf"))).toEqual([]);
});

test("preempt_delay is cleared the same way", () => {
  const text = fixture("nopreempt-with-master.good.conf").replace("state BACKUP", "state MASTER").replace("nopreempt", "preempt_delay 30");
  expect(findings(code, text).map((f) => f.text)).toEqual(["preempt_delay"]);
});
