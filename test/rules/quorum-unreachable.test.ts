import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "quorum-unreachable";

test("quorum 5 over weights 2+1, with a safe fix to 3", () => {
  const text = example("quorum-unreachable", "wrong");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[6, "5"]]);
  expect(found[0]!.message).toContain("quorum 5 of virtual_server 192.0.2.10 80 exceeds the total real server weight 3");
  expect(found[0]!.fix!.safe).toBe(true);
  expect(applyFix(text, found[0]!.fix!)).toBe(example("quorum-unreachable", "right"));
});

test("a quorum equal to the total is reachable; real servers default to weight 1", () => {
  expect(findings(code, example("quorum-unreachable", "right"))).toEqual([]);
  const text = "virtual_server 192.0.2.1 80 {\n    quorum 2\n    real_server 198.51.100.1 80\n    real_server 198.51.100.2 80\n}\n";
  expect(findings(code, text)).toEqual([]);
  expect(findings(code, text.replace("quorum 2", "quorum 3"))).toHaveLength(1);
});
