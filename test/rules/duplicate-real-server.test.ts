import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "duplicate-real-server";

test("the second real_server with the same address and port", () => {
  const found = findings(code, example("duplicate-real-server", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[13, "198.51.100.1"]]);
  expect(found[0]!.message).toContain("real_server 198.51.100.1 port 80 appears twice in virtual_server 192.0.2.10 80");
});

test("the same address on another port is a different real server", () => {
  expect(findings(code, example("duplicate-real-server", "right"))).toEqual([]);
});

test("IPv6 addresses compare in canonical form; separate virtual servers are independent", () => {
  const text =
    "virtual_server 2001:db8::1 80 {\n    real_server 2001:DB8::a 80\n    real_server 2001:db8:0::a 80\n}\nvirtual_server 2001:db8::2 80 {\n    real_server 2001:db8::a 80\n}\n";
  expect(findings(code, text).map((f) => f.line)).toEqual([3]);
});
