import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "undefined-reference";

test("a track_script naming a vrrp_script defined further down is reported, pointing at the definition", () => {
  const found = findings(code, example("undefined-reference", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[14, "chk_haproxy"]]);
  expect(found[0]!.message).toContain("vrrp_script 'chk_haproxy' is defined further down");
  expect(found[0]!.message).toContain("move the definition above");
});

test("defined first, it resolves", () => {
  expect(findings(code, example("undefined-reference", "right"))).toEqual([]);
});

test("names defined nowhere, for each kind of reference", () => {
  const text = `vrrp_sync_group G {
    group {
        A
        B
    }
}
vrrp_instance A {
    interface eth0
    virtual_router_id 1
    track_process {
        haproxy
    }
}
virtual_server group web {
    real_server 198.51.100.1 80 {
        BFD_CHECK {
            name peer
        }
    }
}
`;
  expect(findings(code, text).map((f) => f.message)).toEqual([
    "no vrrp_instance named 'B' is defined; keepalived drops it from the group",
    "no vrrp_track_process named 'haproxy' is defined; keepalived ignores this reference",
    "no virtual_server_group named 'web' is defined; keepalived ignores this reference",
    "no bfd_instance named 'peer' is defined; keepalived ignores this reference",
  ]);
});

test("sync group members and virtual_server groups may be defined later", () => {
  const text =
    "virtual_server group web {\n    real_server 198.51.100.1 80\n}\nvirtual_server_group web {\n    192.0.2.1 80\n}\nvrrp_sync_group G {\n    group {\n        A\n    }\n}\nvrrp_instance A {\n    interface eth0\n    virtual_router_id 1\n}\n";
  expect(findings(code, text)).toEqual([]);
});

test("order follows the effective configuration: a script defined in an include read later is still later", () => {
  const main =
    "vrrp_instance A {\n    interface eth0\n    virtual_router_id 1\n    track_script {\n        chk\n    }\n}\ninclude /etc/keepalived/scripts.conf\n";
  const extra = { "/etc/keepalived/scripts.conf": 'vrrp_script chk {\n    script "/bin/true"\n}\n' };
  expect(findings(code, main, extra).map((f) => f.line)).toEqual([5]);
  const before =
    "include /etc/keepalived/scripts.conf\nvrrp_instance A {\n    interface eth0\n    virtual_router_id 1\n    track_script {\n        chk\n    }\n}\n";
  expect(findings(code, before, extra)).toEqual([]);
});
