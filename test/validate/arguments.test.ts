/** Argument lists that depend on the target version (schema `earlierArgs`), and counts where 0 is refused. */
import { describe, expect, test } from "vitest";
import { keywordAt } from "../../server/src/schema/lookup.js";
import { argsFor } from "../../server/src/validate/arguments.js";
import { describeKeyword } from "../../server/src/schema/describe.js";
import { findings } from "./helpers.js";

const script = (line: string) => `vrrp_script chk {\n    script "/bin/true"\n    ${line}\n}\n`;

describe("vrrp_script interval and timeout: whole seconds before 2.3.2, milliseconds since", () => {
  test.each(["interval", "timeout"])("%s 1.5 is fine for 2.3.2 and later", (kw) => {
    expect(findings(script(`${kw} 1.5`), [2, 3, 2])).toEqual([]);
    expect(findings(script(`${kw} .2`))).toEqual([]);
  });

  test.each(["interval", "timeout"])("%s 1.5 is refused for 2.2.7, saying when fractions arrived", (kw) => {
    const [found, ...rest] = findings(script(`${kw} 1.5`), [2, 2, 7]);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ code: "invalid-value", word: "1.5", line: 3 });
    expect(found!.message).toContain("keepalived 2.2.7 reads");
    expect(found!.message).toContain("keepalived 2.3.2 and later take a number with up to 3 decimal places");
  });

  test("a value no release takes gets the plain message of the older reading", () => {
    const [found] = findings(script("interval 4295"), [2, 2, 7]);
    expect(found).toMatchObject({ code: "out-of-range", word: "4295" });
    expect(found!.message).not.toContain("2.3.2");
    expect(findings(script("interval 4295"))[0]).toMatchObject({ code: "out-of-range" });
  });

  test("whole seconds are fine for every version", () => {
    expect(findings(script("interval 2"), [2, 2, 7])).toEqual([]);
    expect(findings(script("interval 2"))).toEqual([]);
  });

  test("0, which keepalived reports and replaces by 1, is out of range in either reading", () => {
    expect(findings(script("interval 0"), [2, 2, 7]).map((f) => f.code)).toEqual(["out-of-range"]);
    expect(findings(script("timeout 0")).map((f) => f.code)).toEqual(["out-of-range"]);
  });

  test("argsFor picks the earlier list only below its version, and hover shows it", () => {
    const spec = keywordAt(["vrrp_script"], "interval")!;
    expect(argsFor(spec, [2, 3, 1]).changedIn).toEqual([2, 3, 2]);
    expect(argsFor(spec, [2, 3, 1]).args![0]!.kind).toMatchObject({ type: "integer", min: 1 });
    expect(argsFor(spec, [2, 3, 2])).toEqual({ args: spec.args });
    expect(describeKeyword(spec)).toContain("before keepalived 2.3.2: `interval SECONDS (1..4294)`");
  });

  test("of several earlier lists, the one with the lowest version above the target applies", () => {
    const spec = {
      ...keywordAt(["vrrp_script"], "interval")!,
      earlierArgs: [
        { before: [2, 3, 2] as const, args: [{ name: "B", kind: { type: "integer" as const } }] },
        { before: [2, 0, 0] as const, args: [{ name: "A", kind: { type: "string" as const } }] },
      ],
    };
    expect(argsFor(spec, [1, 4, 0]).args![0]!.name).toBe("A");
    expect(argsFor(spec, [2, 1, 0]).args![0]!.name).toBe("B");
    expect(argsFor(spec, [2, 4, 0]).args![0]!.name).toBe("SECONDS");
  });
});

test.each([
  ["global_defs", "vrrp_garp_master_repeat"],
  ["global_defs", "vrrp_garp_master_refresh_repeat"],
  ["vrrp_instance VI_1", "garp_master_repeat"],
  ["vrrp_instance VI_1", "garp_master_refresh_repeat"],
])("%s > %s 0 is out of range (keepalived reports it and uses 1)", (block, kw) => {
  const text = `${block} {\n    ${kw} 0\n}\n`;
  expect(findings(text).filter((f) => f.word === "0").map((f) => f.code)).toEqual(["out-of-range"]);
  expect(findings(`${block} {\n    ${kw} 5\n}\n`).filter((f) => f.line === 2)).toEqual([]);
});
