import { expect, test } from "vitest";
import { findings, example, onlyFor } from "./helpers.js";

const code = "config-test-exit-zero";
const run = (text: string, version: readonly [number, number, number]) => findings(code, text, {}, { targetVersion: version });

test("a file with errors gets one note at the first error, for 2.0.20 to 2.1.5; releases before 2.0.20 and from 2.2.0 on are silent", () => {
  const affected = [
    [2, 0, 20],
    [2, 1, 0],
    [2, 1, 5],
  ] as const;
  onlyFor(code, example(code, "wrong"), affected, [[2, 0, 19], [2, 2, 0], undefined]).forEach((found, i) => {
    expect([found.line, found.text, found.severity]).toEqual([5, "300", "info"]);
    expect(found.message).toContain(`keepalived ${affected[i]!.join(".")} run as 'keepalived -t'`);
    expect(found.message).toContain("exits 0");
    expect(found.message).toContain("fixed in keepalived 2.2.0");
  });
});

test("counts the other errors", () => {
  const text = example("config-test-exit-zero", "wrong").replace("virtual_router_id 51", "virtual_router_id 0\n    bogus_keyword");
  expect(run(text, [2, 1, 5])[0]!.message).toContain("(and the 2 other errors kalint reports)");
});

test("a file without errors is silent", () => {
  expect(run(example("config-test-exit-zero", "right"), [2, 1, 5])).toEqual([]);
});

test("warnings alone do not count", () => {
  const text = example("config-test-exit-zero", "right").replace("priority 100", "priority 100\n    priority 100");
  expect(run(text, [2, 1, 5])).toEqual([]);
});
