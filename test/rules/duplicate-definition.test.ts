import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "duplicate-definition";

test("a second vrrp_instance with the same name", () => {
  const found = findings(code, example("duplicate-definition", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[11, "VI_1"]]);
  expect(found[0]!.message).toBe("vrrp_instance 'VI_1' is already defined; keepalived skips this second block");
});

test("distinct names, and one name used by different kinds of object, are fine", () => {
  expect(findings(code, example("duplicate-definition", "right"))).toEqual([]);
  const text = 'vrrp_script same {\n    script "/bin/true"\n}\nvrrp_track_process same {\n    process haproxy\n}\n';
  expect(findings(code, text)).toEqual([]);
});
