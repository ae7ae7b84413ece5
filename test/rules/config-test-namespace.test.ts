import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "config-test-namespace";

test("net_namespace gets a note at the keyword, for every release", () => {
  const text = example("config-test-namespace", "wrong");
  for (const version of [[2, 0, 19], [2, 2, 7], undefined] as const) {
    const [found, ...rest] = findings(code, text, {}, { targetVersion: version });
    expect(rest).toEqual([]);
    expect([found!.line, found!.text, found!.severity]).toEqual([1, "net_namespace", "info"]);
    expect(found!.message).toContain("network namespace 'blue'");
    expect(found!.message).toContain("exit status 0");
    expect(found!.message).toContain("not fixed as of keepalived 2.4.3");
  }
});

test("releases before net_namespace existed are silent; so is a file without it", () => {
  expect(findings(code, example("config-test-namespace", "wrong"), {}, { targetVersion: [1, 2, 23] })).toEqual([]);
  expect(findings(code, example("config-test-namespace", "right"))).toEqual([]);
});
