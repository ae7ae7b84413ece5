import { expect, test } from "vitest";
import { findings, example, onlyFor } from "./helpers.js";

const code = "config-test-namespace";

test("net_namespace gets a note at the keyword, for every release since it exists", () => {
  for (const found of onlyFor(code, example(code, "wrong"), [[2, 0, 19], [2, 2, 7], undefined], [[1, 2, 23]])) {
    expect([found.line, found.text, found.severity]).toEqual([1, "net_namespace", "info"]);
    expect(found.message).toContain("network namespace 'blue'");
    expect(found.message).toContain("exit status 0");
    expect(found.message).toContain("not fixed as of keepalived 2.4.3");
  }
});

test("a file without net_namespace is silent", () => {
  expect(findings(code, example("config-test-namespace", "right"))).toEqual([]);
});
