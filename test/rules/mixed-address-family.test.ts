import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "mixed-address-family";

test("an IPv6 VIP after an IPv4 one is reported", () => {
  const found = findings(code, example("mixed-address-family", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[8, "2001:db8::10/64"]]);
  expect(found[0]!.message).toBe(
    "virtual address 2001:db8::10/64 is IPv6 but vrrp_instance 'VI_1' is IPv4 (set by its first address, 192.0.2.10/24); keepalived drops it",
  );
});

test("excluded addresses may mix; an all-IPv6 instance is fine", () => {
  expect(findings(code, example("mixed-address-family", "right"))).toEqual([]);
});

test("the first address read decides, including unicast_src_ip and native_ipv6", () => {
  const text =
    "vrrp_instance A {\n interface eth0\n virtual_router_id 1\n native_ipv6\n unicast_src_ip 10.0.0.1\n unicast_peer {\n 10.0.0.2\n fe80::2\n }\n}\n";
  expect(findings(code, text).map((f) => [f.line, f.text])).toEqual([
    [5, "10.0.0.1"],
    [7, "10.0.0.2"],
  ]);
  expect(findings(code, text)[0]!.message).toContain("(set by native_ipv6)");
});
