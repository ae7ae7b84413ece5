import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "strict-mode-conflict";

test("vrrp_strict with unicast peers and authentication gives one finding each", () => {
  const found = findings(code, example("strict-mode-conflict", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([
    [11, "unicast_peer"],
    [14, "authentication"],
  ]);
  expect(found[0]!.message).toContain("uses unicast peers under vrrp_strict");
});

test("strict_mode off on the instance overrides vrrp_strict", () => {
  expect(findings(code, example("strict-mode-conflict", "right"))).toEqual([]);
});

test("instance strict_mode alone, and state MASTER without priority 255", () => {
  const text =
    "vrrp_instance A {\n strict_mode on\n state MASTER\n priority 100\n interface eth0\n virtual_router_id 1\n preempt_delay 10\n virtual_ipaddress {\n 192.0.2.1\n }\n}\n";
  const found = findings(code, text);
  expect(found.map((f) => f.text)).toEqual(["MASTER", "preempt_delay"]);
  expect(found[0]!.message).toContain("state MASTER with priority 100 under strict_mode");
  expect(findings(code, text.replace("priority 100", "priority 255"))).toHaveLength(1);
});

test("without strict mode nothing is reported", () => {
  expect(findings(code, example("strict-mode-conflict", "wrong").replace("vrrp_strict", "router_id lb1"))).toEqual([]);
});
