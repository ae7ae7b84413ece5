import { expect, test } from "vitest";
import { findings, example, onlyFor } from "./helpers.js";

const code = "missing-interface-crash";
const run = (text: string, version: readonly [number, number, number] = [2, 0, 19]) => findings(code, text, {}, { targetVersion: version });

test("an instance without interface after one with an interface is reported for 2.0.8 to 2.0.20, at its name; other releases are silent", () => {
  for (const found of onlyFor(
    code,
    example(code, "wrong"),
    [
      [2, 0, 8],
      [2, 0, 19],
      [2, 0, 20],
    ],
    [[2, 0, 7], [2, 1, 0], undefined],
  )) {
    expect([found.line, found.text, found.severity]).toEqual([11, "VI_2", "info"]);
    expect(found.message).toContain("comes after 'VI_1'");
    expect(found.message).toContain("SIGSEGV");
    expect(found.message).toContain("fixed in keepalived 2.1.0");
  }
});

test("the other order and default_interface are silent", () => {
  const text = example("missing-interface-crash", "wrong");
  const [first, second] = text.split("\n\n");
  expect(run(`${second}\n${first}`)).toEqual([]);
  expect(run(`global_defs {\n    default_interface eth0\n}\n${text}`)).toEqual([]);
});

test("before 2.1.0 missing-required also asks a unicast instance for its interface", () => {
  const text = example("missing-interface-crash", "wrong");
  const [found] = findings("missing-required", text, {}, { targetVersion: [2, 0, 19] });
  expect(found).toMatchObject({ line: 11, text: "VI_2", severity: "error" });
  expect(found!.message).toContain("keepalived 2.0.19 needs an interface for every instance");
  expect(findings("missing-required", text, {}, { targetVersion: [2, 1, 0] })).toEqual([]);
});
