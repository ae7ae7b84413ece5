import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "vrid-collision";

test("the second instance's virtual_router_id is reported, pointing at the first", () => {
  const found = findings(code, example("vrid-collision", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[14, "51"]]);
  expect(found[0]!.message).toBe(
    "virtual_router_id 51 (IPv4, multicast) on interface eth0 is already used by vrrp_instance 'VI_web'; keepalived refuses to load both",
  );
});

test("another interface or another address family may reuse the VRID", () => {
  expect(findings(code, example("vrid-collision", "right"))).toEqual([]);
});

const unicast = (name: string, src: string, peer: string, vrid = 7) =>
  `vrrp_instance ${name} {\n interface eth0\n virtual_router_id ${vrid}\n unicast_src_ip ${src}\n unicast_peer {\n ${peer}\n }\n virtual_ipaddress {\n 192.0.2.${vrid}\n }\n}\n`;

test("unicast instances collide only with the same source and a shared peer", () => {
  expect(findings(code, unicast("A", "10.0.0.1", "10.0.0.2") + unicast("B", "10.0.0.1", "10.0.0.2"))).toHaveLength(1);
  expect(findings(code, unicast("A", "10.0.0.1", "10.0.0.2") + unicast("B", "10.0.0.1", "10.0.0.3"))).toEqual([]);
  expect(findings(code, unicast("A", "10.0.0.1", "10.0.0.2") + unicast("B", "10.0.0.5", "10.0.0.2"))).toEqual([]);
});

test("different multicast groups do not collide", () => {
  const text = example("vrid-collision", "wrong").replace(
    "    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.20",
    "    virtual_router_id 51\n    mcast_dst_ip 224.0.0.19\n    priority 100\n    virtual_ipaddress {\n        192.0.2.20",
  );
  expect(findings(code, text)).toEqual([]);
});
