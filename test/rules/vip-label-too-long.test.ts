import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "vip-label-too-long";

test("a 17-character label is reported at the label", () => {
  const found = findings(code, example("vip-label-too-long", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[7, "eth0:frontend-vip"]]);
  expect(found[0]!.message).toBe(
    "label 'eth0:frontend-vip' of 192.0.2.10/24 is 17 characters, over the 15 Linux allows; keepalived drops the address 192.0.2.10/24 from vrrp_instance 'VI_1'",
  );
});

test("15 characters is the limit", () => {
  expect(findings(code, example("vip-label-too-long", "right"))).toEqual([]);
  const at = (label: string) => `static_ipaddress {\n    192.0.2.5/24 dev eth0 label ${label}\n}\n`;
  expect(findings(code, at("eth0:abcdefghij"))).toEqual([]);
  expect(findings(code, at("eth0:abcdefghijk"))).toHaveLength(1);
});
