import { expect, test } from "vitest";
import { allCodes, findings, example } from "./helpers.js";

const code = "missing-required";

test("an instance without virtual_router_id and interface gets one finding for each", () => {
  const found = findings(code, example("missing-required", "wrong"));
  expect(found.map((f) => f.text)).toEqual(["VI_1", "VI_1"]);
  expect(found[0]!.message).toBe("vrrp_instance 'VI_1' has no virtual_router_id; keepalived refuses to load the configuration");
  expect(found[1]!.message).toContain("has no interface and no unicast_peer");
});

test("default_interface in global_defs stands in for interface; a complete instance is clean", () => {
  expect(findings(code, example("missing-required", "right"))).toEqual([]);
  const text =
    "global_defs {\n default_interface eth0\n}\nvrrp_instance A {\n virtual_router_id 5\n virtual_ipaddress {\n 192.0.2.1\n }\n}\n";
  expect(findings(code, text)).toEqual([]);
});

test("unicast without interface needs unicast_src_ip", () => {
  const base = "vrrp_instance A {\n virtual_router_id 5\n unicast_peer {\n 192.0.2.2\n }\n virtual_ipaddress {\n 192.0.2.10\n }\n}\n";
  expect(findings(code, base).map((f) => f.message)).toEqual([
    "vrrp_instance 'A' has unicast peers but neither interface nor unicast_src_ip; keepalived refuses to load the configuration",
  ]);
  expect(findings(code, base.replace(" virtual_router_id 5\n", " virtual_router_id 5\n unicast_src_ip 192.0.2.1\n"))).toEqual([]);
});

test("no virtual_ipaddress is an error with VRRP version 3 or strict mode only", () => {
  const inst = (extra: string) => `vrrp_instance A {\n interface eth0\n virtual_router_id 5\n${extra}}\n`;
  expect(findings(code, inst(""))).toEqual([]);
  expect(findings(code, inst(" version 3\n"))[0]!.message).toContain("which VRRP version 3 requires");
  expect(findings(code, inst(" strict_mode\n"))[0]!.message).toContain("which strict mode requires");
  expect(findings(code, inst(" version 3\n no_virtual_ipaddress\n"))).toEqual([]);
});

test("trackers, groups and checkers without their essential keyword", () => {
  const text = `vrrp_script chk {
    interval 2
}
vrrp_track_process proc {
    quorum 1
}
vrrp_sync_group G {
}
virtual_server_group web {
}
virtual_server 192.0.2.1 80 {
    real_server 198.51.100.1 80 {
        MISC_CHECK {
            misc_timeout 5
        }
        HTTP_GET {
            url {
                status_code 200
            }
        }
    }
}
`;
  expect(findings(code, text).map((f) => [f.line, f.text])).toEqual([
    [1, "vrrp_script"],
    [4, "vrrp_track_process"],
    [7, "vrrp_sync_group"],
    [9, "virtual_server_group"],
    [13, "MISC_CHECK"],
    [17, "url"],
  ]);
  expect(findings(code, text)[0]!.message).toBe(
    "vrrp_script chk has no script; keepalived removes the script, and every track_script naming it",
  );
});

test("a setting written only on @id lines for other nodes still counts as present", () => {
  const text =
    "vrrp_script chk {\n@high script /usr/local/bin/high.sh\n@low script /usr/local/bin/low.sh\n}\nvrrp_instance A {\n@high interface eth0\n@low interface eth1\n virtual_router_id 5\n virtual_ipaddress {\n 192.0.2.1\n }\n}\n";
  expect(findings(code, text)).toEqual([]);
  expect(findings(code, text.replace(/@high script.*\n@low script.*\n/, ""))).toHaveLength(1);
});

test("blocks named like Object.prototype members (toString, constructor) are unknown keywords, not a crash", () => {
  const text = "toString {\n}\nvirtual_server 10.0.0.1 80 {\n real_server 10.0.0.2 80 {\n  constructor {\n  }\n }\n}\n";
  expect(findings(code, text)).toEqual([]);
  expect(allCodes(text)).toEqual(["unknown-keyword@1", "unknown-keyword@5"]);
});
