import { expect, test } from "vitest";
import { applyFix, findings, fixture } from "./helpers.js";

const code = "quorum-unreachable";

test("quorum 5 over weights 2+1, with a safe fix to 3", () => {
  const text = fixture("quorum-unreachable.bad.conf");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[6, "5"]]);
  expect(found[0]!.message).toContain("quorum 5 of virtual_server 192.0.2.10 80 exceeds the total real server weight 3");
  expect(found[0]!.fix!.safe).toBe(true);
  expect(applyFix(text, found[0]!.fix!)).toBe(fixture("quorum-unreachable.good.conf"));
});

test("a quorum equal to the total is reachable; real servers default to weight 1", () => {
  expect(findings(code, fixture("quorum-unreachable.good.conf"))).toEqual([]);
  const text = "virtual_server 192.0.2.1 80 {\n    quorum 2\n    real_server 198.51.100.1 80\n    real_server 198.51.100.2 80\n}\n";
  expect(findings(code, text)).toEqual([]);
  expect(findings(code, text.replace("quorum 2", "quorum 3"))).toHaveLength(1);
});
